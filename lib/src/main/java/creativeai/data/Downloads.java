package creativeai.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Downloads a URL to a file without ever leaving a partial file under the final name: bytes go to a
 * temporary file next to it, the length is checked against the server's Content-Length, and only then is
 * the file renamed into place.
 */
public final class Downloads {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    private Downloads() {
    }

    public static void fetch(URI url, Path target) throws IOException {
        try {
            AtomicFiles.write(target, partial -> {
                HttpResponse<InputStream> response;
                try {
                    response = HTTP.send(HttpRequest.newBuilder(url).GET().timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DataException("Downloading " + url + " was interrupted", e);
                }
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new DataException("Downloading " + url + " failed: HTTP " + response.statusCode());
                }
                long received;
                try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
                    received = in.transferTo(out);
                }
                OptionalLong expected = response.headers().firstValueAsLong("Content-Length");
                if (expected.isPresent() && expected.getAsLong() != received) {
                    throw new DataException("Downloading " + url + " stopped early: got " + received + " of "
                            + expected.getAsLong() + " bytes. Run bin/course setup again to retry.");
                }
            });
        } catch (IOException e) {
            throw new DataException("Downloading " + url + " failed (" + e + "). Are you online? "
                    + "Run bin/course setup again to retry.", e);
        }
    }
}
