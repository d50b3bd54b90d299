package creativeai.display;

import creativeai.sequence.Sampler;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceCodeTest {
    @Test
    void keywordsCommentsAndStringsAreColouredAndTheCodeIsEscaped() {
        Html shown = SourceCode.highlighted("A.java", "// a < b\nint x = \"if\".length(); if (x > 1) return;");
        assertTrue(shown.html().contains("<span style=\"color:#6a737d\">// a &lt; b</span>"), shown.html());
        assertTrue(shown.html().contains("<span style=\"color:#032f62\">&quot;if&quot;</span>"), shown.html());
        assertTrue(shown.html().contains("<span style=\"color:#d73a49\">return</span>"), shown.html());
        assertTrue(shown.html().contains("x &gt; 1"), shown.html());
        assertEquals("// a < b\nint x = \"if\".length(); if (x > 1) return;", shown.text());
    }

    @Test
    void showsTheCourseLibrarysOwnSourceAndNamesTheFileWhenThereIsNone() {
        assertTrue(SourceCode.of(Sampler.TokenFilter.class).text().contains("public final class Sampler"));
        var error = assertThrows(UncheckedIOException.class, () -> SourceCode.of(String.class));
        assertTrue(error.getMessage().contains("java/lang/String.java"), error.getMessage());
    }
}
