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
                spans.add(new CellSpan(cell.substring(start), start, completeness == Completeness.EMPTY, false));
                break;
            }
            spans.add(new CellSpan(info.source(), start, true, endsWithSemicolon(info.source())));
            offset += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
        return spans;
    }

    /** Whether the code's last character outside comments is a semicolon (strings and text blocks read as such). */
    static boolean endsWithSemicolon(String code) {
        char last = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '/' && code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (c == '/' && code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 1;
            } else if (c == '"' || c == '\'') {
                String quote = code.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(c);
                int at = i + quote.length();
                while (at < code.length() && !code.startsWith(quote, at)) at += code.charAt(at) == '\\' ? 2 : 1;
                i = Math.min(code.length(), at + quote.length()) - 1;
                last = c;
            } else if (!Character.isWhitespace(c)) {
                last = c;
            }
        }
        return last == ';';
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
        if (found == null) return new CellSpan("", cursor, true, false);
        int end = Math.min(cell.length(), Math.max(cursor, found.start() + found.source().length()));
        return new CellSpan(cell.substring(found.start(), end), found.start(), found.complete(), found.terminated());
    }
}
