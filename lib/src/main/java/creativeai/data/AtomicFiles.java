package creativeai.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writing a file so that nobody ever sees half of it: the content goes to a partial file next to the target,
 * which is flushed to the disk and only then renamed over the target. An interrupt, a crash or a power cut
 * mid-write leaves the old file (and a stray partial file, which {@link #sweep} removes later). Every file the
 * course writes goes through here: checkpoints, outputs, downloads, the record of verified data.
 */
public final class AtomicFiles {
    private static final String PARTIAL = ".partial";

    private AtomicFiles() {
    }

    /** What writes the content, given the partial file to write to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path partial) throws IOException;
    }

    /** Writes {@code file} whole or not at all. */
    public static Path write(Path file, Content content) throws IOException {
        Path partial = partial(file);
        try {
            content.writeTo(partial);
            return commit(partial, file);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * A new, empty partial file next to where {@code file} will be, for writers that prepare several files before
     * committing any (a download whose members must all check out). Delete it if it is not committed.
     */
    public static Path partial(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        // created as any new file (createTempFile would make it private to its owner, and the checkpoint with it)
        return Files.createFile(absolute.resolveSibling(absolute.getFileName() + "." + UUID.randomUUID() + PARTIAL));
    }

    /** Flushes the partial file to the disk, renames it over {@code file}, and flushes the folder's entry too. */
    public static Path commit(Path partial, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Path target = Files.move(partial, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some systems (Windows) cannot open a folder to flush it: the rename is still atomic there
        }
        return target;
    }

    /**
     * Deletes the partial files under {@code folder} left by writes that never finished (and the temporary files of
     * earlier course versions), when older than {@code age}: younger ones may belong to a write still running.
     * Returns the files deleted.
     */
    public static List<Path> sweep(Path folder, Duration age) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        Instant before = Instant.now().minus(age);
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> stale = files.filter(Files::isRegularFile).filter(AtomicFiles::isPartial).filter(f -> olderThan(f, before)).toList();
            for (Path f : stale) Files.deleteIfExists(f);
            return stale;
        }
    }

    private static boolean isPartial(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(PARTIAL) || name.startsWith(".") && name.endsWith(".tmp");
    }

    private static boolean olderThan(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }
}
