package creativeai.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Remembers which files were checked against their SHA-256, keyed by path, size and modification time, so a
 * 50 MB file is hashed once and not on every load; a file that changes on disk is hashed again.
 */
final class VerifiedFiles {
    private final Path record;
    private final Properties verified = new Properties();

    VerifiedFiles(Path record) {
        this.record = record;
        if (Files.exists(record)) {
            try (Reader in = Files.newBufferedReader(record)) {
                verified.load(in);
            } catch (IOException | IllegalArgumentException e) {
                verified.clear(); // an unreadable record only costs a re-hash
            }
        }
    }

    /** Checks the file's SHA-256 (unless already checked in this state); throws a DataException on mismatch. */
    synchronized void verify(Path file, ManifestEntry entry) throws IOException {
        String key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        if (entry.sha256().equals(verified.getProperty(key))) return;
        String actual = Sha256.of(file);
        if (!actual.equals(entry.sha256())) {
            throw new DataException("The data file " + file + " (" + entry.name() + ") is corrupt: its SHA-256 is "
                    + actual + ", the manifest says " + entry.sha256() + ". "
                    + (entry.fetched() ? "Delete it and run bin/course setup to fetch it again."
                                       : "Restore it with: git checkout -- datasets/" + entry.path()));
        }
        verified.setProperty(key, actual);
        try {
            save();
        } catch (IOException e) {
            // a cache the user may only read (the classroom server's shared data): the file is hashed again next time
        }
    }

    private void save() throws IOException {
        AtomicFiles.write(record, partial -> {
            try (Writer out = Files.newBufferedWriter(partial)) {
                verified.store(out, "files whose SHA-256 matched datasets/MANIFEST");
            }
        });
    }
}
