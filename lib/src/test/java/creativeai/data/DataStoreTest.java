package creativeai.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetching and verifying against a local HTTP server on loopback: good, truncated and corrupted responses. */
class DataStoreTest {
    private static final String ALPHA = "alpha ".repeat(1000);
    private static final String BETA = "beta";

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile byte[] body;

    @BeforeEach
    void serve() throws Exception {
        body = TestArchives.tgz(Map.of("package/a.txt", ALPHA, "package/b.txt", BETA));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pkg.tgz", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DataStore store(String alphaSha) throws Exception {
        return store(alphaSha, "http://127.0.0.1:" + server.getAddress().getPort() + "/pkg.tgz");
    }

    private DataStore store(String alphaSha, String url) throws Exception {
        Manifest manifest = Manifest.parse(List.of(
                "alpha\tcache\tt/a.txt\t" + ALPHA.length() + "\t" + alphaSha + "\t" + url + "!package/a.txt\tPD\ttest",
                "beta\tcache\tt/b.txt\t4\t" + TestArchives.sha256(BETA) + "\t" + url + "!package/b.txt\tPD\ttest"), "test");
        return new DataStore(manifest, dir.resolve("repo"), dir.resolve("cache"));
    }

    private List<Path> cacheFiles() throws IOException {
        if (!Files.exists(dir.resolve("cache"))) return List.of();
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".verified")).toList();
        }
    }

    @Test
    void fetchesEachArchiveOnceAndVerifies() throws Exception {
        DataStore store = store(TestArchives.sha256(ALPHA));
        assertEquals(2, store.fetchMissing(s -> { }).size());
        assertEquals(1, requests.get());
        assertEquals(ALPHA, Files.readString(store.path("alpha")));
        assertEquals(BETA, Files.readString(store.path("beta")));
        assertEquals(0, store.fetchMissing(s -> { }).size());
        assertEquals(1, requests.get());
    }

    @Test
    void missingFileSaysWhichCommandFetchesIt() throws Exception {
        DataException e = assertThrows(DataException.class, () -> store(TestArchives.sha256(ALPHA)).path("alpha"));
        assertTrue(e.getMessage().contains("(alpha) is not here yet") && e.getMessage().contains("bin/course setup"), e.getMessage());
    }

    @Test
    void corruptedDownloadKeepsNothing() throws Exception {
        DataStore store = store(TestArchives.sha256("something else"));
        DataException e = assertThrows(DataException.class, () -> store.fetchMissing(s -> { }));
        assertTrue(e.getMessage().contains("(alpha)") && e.getMessage().contains("Nothing was kept"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    /** A server that promises more bytes than it sends, then hangs up (a dropped connection). */
    @Test
    void truncatedDownloadKeepsNothing() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread shortServer = new Thread(() -> {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + (body.length + 5000) + "\r\n\r\n").getBytes());
                    out.write(body, 0, body.length / 2);
                    out.flush();
                } catch (IOException ignored) {
                    // the test only needs the bytes sent so far
                }
            });
            shortServer.start();
            DataStore store = store(TestArchives.sha256(ALPHA), "http://127.0.0.1:" + socket.getLocalPort() + "/pkg.tgz");
            DataException e = assertThrows(DataException.class, () -> store.fetchMissing(s -> { }));
            assertTrue(e.getMessage().contains("Downloading http://127.0.0.1"), e.getMessage());
            assertEquals(List.of(), cacheFiles());
            shortServer.join(5000);
        }
    }

    @Test
    void fileChangedOnDiskIsCaughtWithItsName() throws Exception {
        DataStore store = store(TestArchives.sha256(ALPHA));
        store.fetchMissing(s -> { });
        Path alpha = store.path("alpha");
        Files.writeString(alpha, ALPHA.replace('a', 'o'));
        Files.setLastModifiedTime(alpha, FileTime.fromMillis(Files.getLastModifiedTime(alpha).toMillis() + 2000));
        DataException e = assertThrows(DataException.class, () -> store.path("alpha"));
        assertTrue(e.getMessage().contains("t/a.txt (alpha) is corrupt") && e.getMessage().contains("fetch it again"), e.getMessage());
    }

    @Test
    void verifiedFilesAreNotHashedAgain() throws Exception {
        DataStore store = store(TestArchives.sha256(ALPHA));
        store.fetchMissing(s -> { });
        Path alpha = store.path("alpha");
        String record = Files.readString(dir.resolve("cache/.verified"));
        assertTrue(record.contains(TestArchives.sha256(ALPHA)));
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().matches(".*\\.(tmp|partial)")), "no partial file is left behind");
        }

        // the same size and time but other bytes: a store that hashed again would refuse it; this one trusts its record
        var modified = Files.getLastModifiedTime(alpha);
        Files.writeString(alpha, "ALPHA " + ALPHA.substring(6));
        Files.setLastModifiedTime(alpha, modified);
        assertEquals(alpha, store(TestArchives.sha256(ALPHA)).path("alpha"));
        // a new modification time is a new state: hashed again, and the change is caught
        Files.setLastModifiedTime(alpha, java.nio.file.attribute.FileTime.fromMillis(modified.toMillis() + 5_000));
        assertThrows(DataException.class, () -> store(TestArchives.sha256(ALPHA)).path("alpha"));
    }

    /** A shared cache whose record cannot be written (a directory stands in its place, as root ignores permissions). */
    @Test
    void cacheThatCannotBeWrittenIsStillReadAndChecked() throws Exception {
        DataStore store = store(TestArchives.sha256(ALPHA));
        store.fetchMissing(s -> { });
        Files.delete(dir.resolve("cache/.verified"));
        Files.createDirectory(dir.resolve("cache/.verified"));
        DataStore shared = store(TestArchives.sha256(ALPHA));
        assertEquals(ALPHA, Files.readString(shared.path("alpha")));
        Path alpha = shared.path("alpha");
        var modified = Files.getLastModifiedTime(alpha);
        Files.writeString(alpha, ALPHA.replace('a', 'o'));
        Files.setLastModifiedTime(alpha, FileTime.fromMillis(modified.toMillis() + 2000));
        DataException e = assertThrows(DataException.class, () -> shared.path("alpha"));
        assertTrue(e.getMessage().contains("(alpha) is corrupt"), e.getMessage());
    }
}
