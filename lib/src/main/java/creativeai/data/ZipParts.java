package creativeai.data;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A checkpoint made of named parts (a GAN's generator and discriminator, a graph and its training history) kept as
 * the entries of one zip file, so that every model of the course is one file: written whole or not at all
 * ({@link AtomicFiles}), read back by the parts' names, with an error that says what to do when the file is missing,
 * unreadable or lacks a part.
 */
public final class ZipParts {
    private ZipParts() {
    }

    /** Writes one part to a stream (which the writer may close: the zip stays open). */
    @FunctionalInterface
    public interface Part {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Reads one part from a stream of its bytes. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(InputStream in) throws IOException, ClassNotFoundException;
    }

    /** Writes the parts, in order, as the entries of {@code file}, atomically; returns the file. */
    public static Path write(Path file, Map<String, Part> parts) throws IOException {
        return AtomicFiles.write(file, partial -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                OutputStream entry = new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        zip.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // DL4J and SameDiff close the stream they write to; the zip must stay open for the next part
                    }
                };
                for (var part : parts.entrySet()) {
                    zip.putNextEntry(new ZipEntry(part.getKey()));
                    part.getValue().writeTo(entry);
                    zip.closeEntry();
                }
            }
        });
    }

    /** The parts of {@code file} written by {@link #write}, by name; {@code required} names the parts it must have. */
    public static Parts read(Path file, String... required) throws IOException {
        requireFile(file);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) parts.put(entry.getName(), zip.readAllBytes());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        List<String> missing = List.of(required).stream().filter(name -> !parts.containsKey(name)).toList();
        if (!missing.isEmpty()) throw unreadable(file, new IOException("it has no " + String.join(", no ", missing)));
        return new Parts(file, parts);
    }

    /** The parts of one checkpoint file, read into memory. */
    public static final class Parts {
        private final Path file;
        private final Map<String, byte[]> bytes;

        private Parts(Path file, Map<String, byte[]> bytes) {
            this.file = file;
            this.bytes = bytes;
        }

        /** Whether the file has a part called {@code name}. */
        public boolean has(String name) {
            return bytes.containsKey(name);
        }

        /** The part called {@code name}, as {@code reader} makes it; an unreadable part gets the same clear error as a bad file. */
        public <T> T get(String name, Reader<T> reader) throws IOException {
            try {
                return reader.read(new ByteArrayInputStream(bytes.get(name)));
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                throw unreadable(file, e);
            }
        }
    }

    /**
     * The course's error for a checkpoint that is not there, which {@link #read} and the checkpoints DL4J writes in its
     * own format (a network with its history) share: what to do, not only what failed.
     */
    public static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no checkpoint at " + file.toAbsolutePath() + ": train the model first (LOAD_MODEL = false), or check the path");
        }
    }

    /** The course's error for a checkpoint that is there but cannot be read (shared as {@link #requireFile} is). */
    public static IOException unreadable(Path file, Exception cause) {
        return new IOException("the checkpoint " + file.toAbsolutePath() + " cannot be read (" + cause.getMessage() + "): delete it and train again", cause);
    }
}
