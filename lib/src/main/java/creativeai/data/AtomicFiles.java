package creativeai.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writing a file so that nobody ever sees half of it: the content goes to a temporary file next to the target,
 * which is renamed over the target only when complete. An interrupt or a crash mid-write leaves the old file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the content, given the temporary file to write to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path partial) throws IOException;
    }

    public static Path write(Path file, Content content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        // a new file as any other (createTempFile would make it private to its owner, and the checkpoint with it)
        Path partial = Files.createFile(absolute.resolveSibling(absolute.getFileName() + "." + UUID.randomUUID() + ".partial"));
        try {
            content.writeTo(partial);
            return Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
