package creativeai.display;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableHtmlTest {
    @Test
    void escapesCellsAndNamesTheShape() {
        Table table = Table.create("t", StringColumn.create("title", "<Sense & Sensibility>"));
        String html = TableHtml.of(table).html();
        assertTrue(html.contains("<td>&lt;Sense &amp; Sensibility&gt;</td>"), html);
        assertTrue(html.contains("1 rows &times; 1 columns"));
    }

    @Test
    void longTablesShowHeadAndTail() {
        Table table = Table.create("numbers", IntColumn.create("n", IntStream.range(0, 100).toArray()));
        String html = TableHtml.of(table).html();
        assertEquals(TableHtml.HEAD + TableHtml.TAIL + 2, html.split("<tr>").length - 1);
        assertTrue(html.contains("<td>9</td>") && html.contains("<td>95</td>") && html.contains("<td>99</td>"));
        assertFalse(html.contains("<td>50</td>"));
        assertTrue(html.contains("100 rows"));
    }
}
