package creativeai.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoPartialFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("model.zip"), "old");
        AtomicFiles.write(file, partial -> Files.writeString(partial, "new"));
        assertEquals("new", Files.readString(file));
        assertThrows(IOException.class, () -> AtomicFiles.write(file, partial -> {
            Files.writeString(partial, "half");
            throw new IOException("disk full");
        }));
        assertEquals("new", Files.readString(file));
        assertEquals(List.of(file), Files.list(dir).toList());
    }

    @Test
    void sweepingRemovesOnlyOldPartialFiles(@TempDir Path dir) throws IOException {
        Path old = AtomicFiles.partial(dir.resolve("t/mnist.gz"));
        Path oldTemp = Files.writeString(dir.resolve(".fetch123.tmp"), "x");         // what earlier versions left
        Path young = AtomicFiles.partial(dir.resolve("t/glove.gz"));
        Path data = Files.writeString(dir.resolve("t/data.partial.txt"), "keep");
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        for (Path p : List.of(old, oldTemp, data)) Files.setLastModifiedTime(p, twoHoursAgo);
        assertEquals(List.of(oldTemp, old).stream().sorted().toList(), AtomicFiles.sweep(dir, Duration.ofHours(1)).stream().sorted().toList());
        assertTrue(Files.exists(young) && Files.exists(data));
        assertEquals(List.of(), AtomicFiles.sweep(dir.resolve("missing"), Duration.ZERO));
    }

    @Test
    void openingTheDataStoreSweepsItsCache(@TempDir Path dir) throws IOException {
        Path stale = AtomicFiles.partial(dir.resolve("cache/mnist/train-images-idx3-ubyte"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        new DataStore(Manifest.parse(List.of(), "test"), dir.resolve("repository"), dir.resolve("cache"));
        assertTrue(Files.notExists(stale));
    }
}
