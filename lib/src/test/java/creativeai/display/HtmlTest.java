package creativeai.display;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTest {
    @Test
    void aDownloadLinkCarriesTheFileInThePage() {
        Html link = Html.download("tune <1>.mid", "audio/midi", new byte[] {77, 84, 104, 100});
        assertTrue(link.html().contains("download=\"tune &lt;1&gt;.mid\""), link.html());
        assertTrue(link.html().contains("data:audio/midi;base64," + Base64.getEncoder().encodeToString(new byte[] {77, 84, 104, 100})));
        assertEquals("tune <1>.mid (4 bytes)", link.text());
    }

    @Test
    void textsSideBySideAreEscapedAndKeepTheirTitles() {
        Html columns = Html.sideBySide(List.of("cold", "hot"), List.of("a < b", "x\ny"));
        assertTrue(columns.html().contains("<th style=\"text-align:left\">cold</th>"));
        assertTrue(columns.html().contains("a &lt; b"));
        assertEquals("== cold ==\na < b\n\n== hot ==\nx\ny", columns.text());
    }
}
