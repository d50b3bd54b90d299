package creativeai.kernel;

import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names declared earlier in the cell being edited, which JShell's completion cannot know: it completes only what has
 * run. {@code int epochs = 3;} on the first line and {@code epo} on the second then completes to {@code epochs}, as
 * it would in an IDE. Variables, methods (with their parenthesis) and types are found without running anything.
 */
final class CellDeclarations {
    private final CellSplitter splitter;
    private final SourceCodeAnalysis analysis;

    CellDeclarations(CellSplitter splitter, SourceCodeAnalysis analysis) {
        this.splitter = splitter;
        this.analysis = analysis;
    }

    /** The names the code declares that start with the given prefix, in the order they appear. */
    Set<String> namesStartingWith(String code, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        for (CellSpan span : splitter.split(code)) {
            if (!span.complete()) continue;
            try {
                for (Snippet snippet : analysis.sourceToSnippets(span.source())) {
                    String name = nameOf(snippet);
                    if (name != null && name.startsWith(prefix)) names.add(name);
                }
            } catch (RuntimeException e) {
                // a statement JShell cannot read as a declaration declares nothing to complete
            }
        }
        return names;
    }

    private static String nameOf(Snippet snippet) {
        if (snippet instanceof VarSnippet variable) return variable.name();
        if (snippet instanceof MethodSnippet method) return method.name() + "(";
        if (snippet instanceof TypeDeclSnippet type) return type.name();
        return null;
    }

    /** The identifier that ends at the cursor (empty if none). */
    static String identifierBefore(String code, int cursor) {
        int start = Math.min(cursor, code.length());
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) start--;
        return code.substring(start, Math.min(cursor, code.length()));
    }

    /** Whether the identifier starting here follows a dot: a member of something, not a name of the cell's own. */
    static boolean isMember(String code, int identifierStart) {
        int before = identifierStart - 1;
        while (before >= 0 && Character.isWhitespace(code.charAt(before))) before--;
        return before >= 0 && code.charAt(before) == '.';
    }
}
