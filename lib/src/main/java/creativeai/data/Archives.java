package creativeai.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Extracts files from .tgz archives (how the npm registry serves packages), refusing any entry whose path
 * would land outside the target folder ("../../.bashrc", absolute paths, links).
 */
public final class Archives {
    private Archives() {
    }

    /** Extracts every regular file into {@code target}; throws before writing anything outside it. */
    public static void extractAll(Path tgz, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = open(tgz)) {
            for (TarArchiveEntry entry; (entry = tar.getNextTarEntry()) != null; ) {
                Path out = safeTarget(root, entry, tgz);
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Extracts the named members (archive path → file to write); a damaged archive or a missing member is an error. */
    public static void extractMembers(Path tgz, Map<String, Path> members) throws IOException {
        int found = 0;
        try (TarArchiveInputStream tar = open(tgz)) {
            for (TarArchiveEntry entry; (entry = tar.getNextTarEntry()) != null; ) {
                Path out = members.get(entry.getName());
                if (out == null || !entry.isFile()) continue;
                Files.createDirectories(out.getParent());
                Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                found++;
            }
        } catch (IOException e) {
            throw new DataException("The archive " + tgz.getFileName() + " is damaged or incomplete (" + e.getMessage() + ")", e);
        }
        if (found < members.size()) {
            throw new DataException("The archive " + tgz.getFileName() + " lacks " + (members.size() - found)
                    + " of the files the manifest names: " + members.keySet());
        }
    }

    static Path safeTarget(Path root, TarArchiveEntry entry, Path tgz) {
        Path out = root.resolve(entry.getName()).normalize();
        if (!out.startsWith(root) || entry.isSymbolicLink() || entry.isLink()) {
            throw new DataException("Refusing to extract '" + entry.getName() + "' from " + tgz.getFileName()
                    + ": it would be written outside " + root + " (or is a link)");
        }
        return out;
    }

    private static TarArchiveInputStream open(Path tgz) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(tgz));
        return new TarArchiveInputStream(new GZIPInputStream(in));
    }
}
