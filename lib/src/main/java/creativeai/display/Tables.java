package creativeai.display;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** Small finishing touches for Tablesaw tables shown in a notebook. */
public final class Tables {
    private Tables() {
    }

    /** Shows every decimal column of the table with {@code decimals} digits after the point; returns the table. */
    public static Table rounded(Table table, int decimals) {
        for (var column : table.columns()) {
            if (column instanceof DoubleColumn numbers) numbers.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(decimals));
        }
        return table;
    }
}
