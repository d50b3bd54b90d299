package creativeai.data;

import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Extracts files from the archives the registries serve: .tgz (npm packages) and .deb (Debian packages: an
 * ar archive around data.tar.xz or data.tar.gz), refusing any entry whose path would land outside the target
 * folder ("../../.bashrc", absolute paths, links).
 */
public final class Archives {
    private Archives() {
    }

    /** Extracts every regular file into {@code target}; throws before writing anything outside it. */
    public static void extractAll(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = open(archive)) {
            for (TarArchiveEntry entry; (entry = tar.getNextTarEntry()) != null; ) {
                Path out = safeTarget(root, entry, archive);
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

    /** The tar stream inside a .tgz or a .deb, told apart by their first bytes. */
    private static TarArchiveInputStream open(Path archive) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(archive));
        in.mark(8);
        byte[] magic = in.readNBytes(8);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new TarArchiveInputStream(new GZIPInputStream(in));
        }
        if (new String(magic, StandardCharsets.US_ASCII).equals("!<arch>\n")) {
            ArArchiveInputStream ar = new ArArchiveInputStream(in);
            for (ArArchiveEntry entry; (entry = ar.getNextArEntry()) != null; ) {
                if (entry.getName().equals("data.tar.xz")) return new TarArchiveInputStream(new XZCompressorInputStream(ar));
                if (entry.getName().equals("data.tar.gz")) return new TarArchiveInputStream(new GZIPInputStream(ar));
            }
            in.close();
            throw new DataException(archive.getFileName() + " is a Debian package without data.tar.xz or data.tar.gz");
        }
        in.close();
        throw new DataException(archive.getFileName() + " is neither a .tgz nor a .deb archive");
    }
}
