package creativeai.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a notebook cell into the snippets JShell evaluates one at a time (a cell may hold several statements,
 * declarations and expressions), remembering where each starts so errors, completion and inspection can be
 * mapped back to the cell the user typed.
 */
final class CellSplitter {
    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<CellSpan> split(String cell) {
        List<CellSpan> spans = new ArrayList<>();
        int offset = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            int start = offset;
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (!completeness.isComplete() || info.source() == null) {
                spans.add(new CellSpan(cell.substring(start), start, completeness == Completeness.EMPTY));
                break;
            }
            spans.add(new CellSpan(info.source(), start, true));
            offset += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
        return spans;
    }

    /** How complete the cell's last snippet is: tells a console whether Enter runs the cell or adds a line. */
    Completeness lastCompleteness(String cell) {
        String rest = cell;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isBlank()) return info.completeness();
            rest = info.remaining();
        }
    }

    /** The cell text of the snippet the cursor is in (or last before it), for completion and inspection. */
    CellSpan spanAt(String cell, int cursor) {
        CellSpan found = null;
        for (CellSpan span : split(cell)) {
            if (span.start() > cursor) break;
            found = span;
        }
        if (found == null) return new CellSpan("", cursor, true);
        int end = Math.min(cell.length(), Math.max(cursor, found.start() + found.source().length()));
        return new CellSpan(cell.substring(found.start(), end), found.start(), found.complete());
    }
}
