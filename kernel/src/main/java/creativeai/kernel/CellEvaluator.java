package creativeai.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Evaluates notebook cells with JShell in the kernel's own JVM: splits a cell into snippets, runs them in
 * order, turns compile errors into messages with cell line numbers, rethrows what the user's code threw, and
 * returns the value of a trailing expression as a live object.
 */
final class CellEvaluator implements AutoCloseable {
    /** Returned by {@link #eval(String)} when the cell does not end with an expression that has a value. */
    static final Object NO_VALUE = new Object();

    private final CellExecutionControl control = new CellExecutionControl();
    private final JShell shell;
    private final CellSplitter splitter;

    CellEvaluator() {
        ExecutionControlProvider inProcess = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "notebook";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        shell = JShell.builder()
                .executionEngine(inProcess, Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        splitter = new CellSplitter(shell.sourceCodeAnalysis());
        shell.addToClasspath(System.getProperty("java.class.path"));
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    CellSplitter splitter() {
        return splitter;
    }

    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** Runs a cell; returns the value of its last expression, or {@link #NO_VALUE}. */
    Object eval(String cell) throws Exception {
        Object value = NO_VALUE;
        control.beginCell();
        for (CellSpan span : splitter.split(cell)) {
            if (!span.complete()) {
                throw new CompilationException("line " + span.lineAt(cell, span.source().length())
                        + ": the cell ends in the middle of a statement (a missing ';', ')' or '}'?)\n    "
                        + firstLine(span.source()));
            }
            value = evalSnippet(cell, span);
        }
        return value;
    }

    private Object evalSnippet(String cell, CellSpan span) throws Exception {
        Object value = NO_VALUE;
        List<SnippetEvent> events = shell.eval(span.source());
        if (control.takeStopped()) throw new CellInterruptedException("the cell was stopped before it finished");
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) continue;
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw new CompilationException(describeDiagnostics(cell, span, snippet));
            }
            if (event.exception() != null) throw userFailure(event.exception());
            if (CellExecutionControl.VALUE_HANDLE.equals(event.value()) && hasValue(snippet)) {
                value = control.takeLastValue();
            } else {
                control.takeLastValue();
                value = NO_VALUE;
            }
        }
        return value;
    }

    private static boolean hasValue(Snippet snippet) {
        Snippet.SubKind kind = snippet.subKind();
        return kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || kind.kind() == Snippet.Kind.EXPRESSION;
    }

    private Exception userFailure(Exception reported) {
        if (reported instanceof UnresolvedReferenceException unresolved) {
            String missing = shell.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
            return new CompilationException("this code uses " + missing + ", which is not defined yet: "
                    + "run the cell that defines it first");
        }
        Throwable thrown = control.takeLastFailure();
        if (thrown instanceof Exception e) return e;
        if (thrown != null) return new UserCodeError(thrown);
        if (reported instanceof EvalException eval) {
            return new IllegalStateException(eval.getExceptionClassName() + ": " + eval.getMessage());
        }
        return reported;
    }

    private String describeDiagnostics(String cell, CellSpan span, Snippet snippet) {
        List<String> lines = new ArrayList<>();
        for (Diag diag : shell.diagnostics(snippet).filter(Diag::isError).toList()) {
            String source = span.source();
            int at = (int) Math.max(0, Math.min(source.length(), diag.getStartPosition()));
            int lineStart = source.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = source.indexOf('\n', at);
            String code = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            String message = diag.getMessage(Locale.ENGLISH).lines()
                    .filter(line -> !line.strip().startsWith("location: class"))
                    .collect(Collectors.joining("\n"));
            lines.add("line " + span.lineAt(cell, at) + ": " + message);
            lines.add("    " + code);
            lines.add("    " + " ".repeat(Math.max(0, at - lineStart)) + "^");
        }
        return lines.isEmpty() ? "the cell does not compile:\n    " + firstLine(span.source()) : String.join("\n", lines);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    /** Stops the running cell (from another thread), even one that is compiling or between two statements. */
    void stop() {
        control.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
