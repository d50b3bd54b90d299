package creativeai.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a cell's line magics, outside string literals, text blocks and comments (a {@code %d} at the start of a line
 * of a text block is Java, not a magic): lines whose first character is {@code %}, and lines that assign a magic's
 * result, as in {@code List<String> jars = %jars lib/*.jar}.
 */
final class MagicLines {
    /**
     * One magic: where its line starts and ends in the cell (the end excludes the line break), the Java before it
     * ({@code "List<String> jars = "}, or empty for a magic on a line of its own) and the magic from its {@code %}.
     */
    record Line(int start, int end, String java, String magic) {
        boolean inExpression() {
            return !java.isEmpty();
        }
    }

    /** A line that assigns a magic's result: plain code (no quotes, comments or %) up to '=', then the magic. */
    private static final Pattern ASSIGNED = Pattern.compile("([^\"'%/]*[^=!<>]=\\s*)(%[A-Za-z]\\w*.*)");

    private MagicLines() {
    }

    static List<Line> find(String cell) {
        List<Line> magics = new ArrayList<>();
        int i = 0;
        int n = cell.length();
        while (i < n) {
            boolean lineStart = i == 0 || cell.charAt(i - 1) == '\n';
            int end = lineStart ? lineEnd(cell, i) : -1;
            Matcher assigned = lineStart ? ASSIGNED.matcher(cell.substring(i, end)) : null;
            if (lineStart && cell.charAt(i) == '%') {
                magics.add(new Line(i, end, "", cell.substring(i, end)));
                i = end;
            } else if (assigned != null && assigned.matches()) {
                magics.add(new Line(i, end, assigned.group(1), assigned.group(2)));
                i = end;
            } else {
                i = skipJava(cell, i);
            }
        }
        return magics;
    }

    /** Where the line starting at i ends, before its line break. */
    private static int lineEnd(String cell, int i) {
        int end = cell.indexOf('\n', i);
        if (end < 0) end = cell.length();
        return end > i && cell.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** Moves past one token that can hide a line start: a text block, a string, a char, a comment; or one character. */
    private static int skipJava(String cell, int i) {
        if (cell.startsWith("\"\"\"", i)) return after(cell, i + 3, "\"\"\"");
        if (cell.startsWith("//", i)) {
            int end = cell.indexOf('\n', i);
            return end < 0 ? cell.length() : end;
        }
        if (cell.startsWith("/*", i)) return after(cell, i + 2, "*/");
        char c = cell.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < cell.length() && cell.charAt(j) != c && cell.charAt(j) != '\n') j += cell.charAt(j) == '\\' ? 2 : 1;
            return Math.min(j + 1, cell.length());
        }
        return i + 1;
    }

    /** The index just past the next {@code close} (ignoring escaped characters), or the cell's end. */
    private static int after(String cell, int from, String close) {
        int j = from;
        while (j < cell.length()) {
            if (cell.charAt(j) == '\\') {
                j += 2;
            } else if (cell.startsWith(close, j)) {
                return j + close.length();
            } else {
                j++;
            }
        }
        return cell.length();
    }
}
