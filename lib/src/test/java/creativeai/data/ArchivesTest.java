package creativeai.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchivesTest {
    @TempDir
    Path dir;

    @Test
    void extractsRegularFiles() throws Exception {
        Path tgz = Files.write(dir.resolve("ok.tgz"), TestArchives.tgz(Map.of("package/data/a.txt", "alpha")));
        Archives.extractAll(tgz, dir.resolve("out"));
        assertEquals("alpha", Files.readString(dir.resolve("out/package/data/a.txt")));
    }

    @Test
    void refusesEntriesThatEscapeTheTarget() throws Exception {
        Path tgz = Files.write(dir.resolve("evil.tgz"), TestArchives.tgz(Map.of("../../escaped.txt", "gotcha")));
        DataException e = assertThrows(DataException.class, () -> Archives.extractAll(tgz, dir.resolve("out/inner")));
        assertTrue(e.getMessage().contains("Refusing to extract '../../escaped.txt'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
        assertFalse(Files.exists(dir.resolve("out/escaped.txt")));
    }

    @Test
    void refusesAbsolutePathsAndLinks() throws Exception {
        Path absolute = Files.write(dir.resolve("abs.tgz"), TestArchives.tgz(Map.of(dir.resolve("abs.txt").toString(), "x")));
        assertThrows(DataException.class, () -> Archives.extractAll(absolute, dir.resolve("out")));
        Path link = dir.resolve("link.tgz");
        try (OutputStream file = Files.newOutputStream(link);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            TarArchiveEntry entry = new TarArchiveEntry("package/passwd", TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName("/etc/passwd");
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        assertThrows(DataException.class, () -> Archives.extractAll(link, dir.resolve("out")));
    }

    @Test
    void missingMemberIsNamed() throws Exception {
        Path tgz = Files.write(dir.resolve("ok.tgz"), TestArchives.tgz(Map.of("package/a.txt", "alpha")));
        DataException e = assertThrows(DataException.class,
                () -> Archives.extractMembers(tgz, Map.of("package/b.txt", dir.resolve("b.txt"))));
        assertTrue(e.getMessage().contains("package/b.txt"));
    }

    @Test
    void truncatedArchiveIsAClearError() throws Exception {
        byte[] whole = TestArchives.tgz(Map.of("package/a.txt", "alpha".repeat(2000)));
        Path tgz = Files.write(dir.resolve("cut.tgz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        DataException e = assertThrows(DataException.class,
                () -> Archives.extractMembers(tgz, Map.of("package/a.txt", dir.resolve("a.txt"))));
        assertTrue(e.getMessage().contains("damaged or incomplete"), e.getMessage());
    }
}
