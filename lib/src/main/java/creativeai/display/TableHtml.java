package creativeai.display;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table: the first and last rows of a long table with a row count, the way
 * notebooks show data frames. (Tablesaw's own HTML writer is in a separate module and writes every row.)
 */
public final class TableHtml {
    static final int HEAD = 10;
    static final int TAIL = 5;

    private TableHtml() {
    }

    public static Html of(Table table) {
        StringBuilder html = new StringBuilder("<table class=\"dataframe\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(Html.escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) html.append("<th>").append(Html.escape(column.name())).append("</th>");
        html.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        boolean elide = rows > HEAD + TAIL;
        for (int r = 0; r < rows; r++) {
            if (elide && r == HEAD) {
                html.append("<tr><td colspan=\"").append(table.columnCount()).append("\">&hellip;</td></tr>");
                r = rows - TAIL;
            }
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append("<td>").append(Html.escape(column.getString(r))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table><p>").append(rows).append(" rows &times; ")
                .append(table.columnCount()).append(" columns</p>");
        return new Html(html.toString(), elide ? table.print(HEAD) + "\n... " + rows + " rows" : table.print());
    }
}
