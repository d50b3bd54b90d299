package creativeai.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestTest {
    private static final String SHA = "a".repeat(64);

    @Test
    void readsEntriesAndArchiveMembers() {
        Manifest m = Manifest.parse(List.of("# comment", "",
                "digits\tcache\tmnist/x\t10\t" + SHA + "\thttps://example.org/p.tgz!package/x\tCC BY-SA 3.0\tLeCun"), "M");
        ManifestEntry e = m.entry("digits");
        assertEquals("https://example.org/p.tgz", e.url());
        assertEquals("package/x", e.member());
        assertTrue(e.fetched());
    }

    @Test
    void malformedLinesNameTheirLine() {
        DataException columns = assertThrows(DataException.class, () -> Manifest.parse(List.of("a\tcache\tx"), "M"));
        assertTrue(columns.getMessage().startsWith("M line 1: expected 8"));
        DataException sha = assertThrows(DataException.class,
                () -> Manifest.parse(List.of("a\tcache\tx\t1\tnothex\tu\tl\tat"), "M"));
        assertTrue(sha.getMessage().contains("not a SHA-256"));
        DataException twice = assertThrows(DataException.class, () -> Manifest.parse(List.of(
                "a\tcache\tx\t1\t" + SHA + "\tu\tl\tat", "a\tcache\ty\t1\t" + SHA + "\tu\tl\tat"), "M"));
        assertTrue(twice.getMessage().contains("line 2") && twice.getMessage().contains("twice"));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        Manifest m = Manifest.parse(List.of("a\trepository\tx\t1\t" + SHA + "\trepository\tl\tat"), "M");
        assertTrue(assertThrows(DataException.class, () -> m.entry("b")).getMessage().contains("[a]"));
    }

    @Test
    void theCourseManifestParsesAndEveryEntryHasALicence() throws Exception {
        Manifest course = Manifest.read(Path.of("..", "datasets", "MANIFEST"));
        assertTrue(course.entries().size() >= 6);
        course.entries().forEach(e -> assertTrue(!e.licence().isBlank() && !e.attribution().isBlank(), e.name()));
    }
}
