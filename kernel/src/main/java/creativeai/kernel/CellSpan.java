package creativeai.kernel;

/**
 * One snippet of a notebook cell as JShell sees it: its source, where it starts in the cell, whether it is complete,
 * and whether it is terminated by its own semicolon ({@code f();}, not {@code f()}), which hides an expression's value.
 */
record CellSpan(String source, int start, boolean complete, boolean terminated) {

    /** The cursor position inside this span, for a cursor given in cell coordinates. */
    int localCursor(int cellCursor) {
        return Math.max(0, Math.min(source.length(), cellCursor - start));
    }

    /** The 1-based line of the cell that holds position {@code at} of this span's source. */
    int lineAt(String cell, int at) {
        int end = Math.min(cell.length(), start + Math.max(0, at));
        return (int) cell.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }
}
