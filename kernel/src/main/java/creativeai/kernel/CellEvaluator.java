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

    private final CellExecutionControl control;
    private final JShell shell;
    private final CellSplitter splitter;
    /** Compiled snippet class (REPL.$JShell$12) to what turns its line numbers into lines of the cell it came from. */
    private final Map<String, Integer> snippetLineOffsets = new java.util.concurrent.ConcurrentHashMap<>();

    CellEvaluator() {
        this(true);
    }

    /** @param threadStopAllowed whether {@code Thread.stop} may end library code that ignores interrupts (JDK 17-19) */
    CellEvaluator(boolean threadStopAllowed) {
        control = new CellExecutionControl(threadStopAllowed);
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

    /** A new cell begins: a stop request for the cell before no longer counts. */
    void beginCell() {
        control.beginCell();
    }

    /**
     * Runs a cell's Java (or a file it loads); returns the value of its last expression, or {@link #NO_VALUE}.
     * Throws {@link CellInterruptedException} once a stop was requested since {@link #beginCell()}, whether it came
     * before, during or between the statements.
     */
    Object eval(String cell) throws Exception {
        Object value = NO_VALUE;
        for (CellSpan span : splitter.split(cell)) {
            if (control.stopRequested()) throw new CellInterruptedException("the cell was stopped before it finished");
            if (!span.complete()) {
                throw new CompilationException("line " + span.lineAt(cell, span.source().length())
                        + ": the cell ends in the middle of a statement (a missing ';', ')' or '}'?)\n    "
                        + firstLine(span.source()));
            }
            value = evalSnippet(cell, span);
            if (span.terminated()) value = NO_VALUE; // `f();` runs f for its effect: no result shown
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
            if (event.status().isDefined()) rememberLines(cell, span, snippet);
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

    /**
     * Notes where the class JShell compiled the snippet into starts the snippet's first line, so that a stack frame's
     * line can be told as a line of the cell ({@link #cellLine}).
     */
    private void rememberLines(String cell, CellSpan span, Snippet snippet) {
        try {
            SourceCodeAnalysis.SnippetWrapper wrapper = shell.sourceCodeAnalysis().wrapper(snippet);
            String wrapped = wrapper.wrapped();
            int at = Math.max(0, Math.min(wrapped.length(), wrapper.sourceToWrappedPosition(0)));
            int wrappedLine = (int) wrapped.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            int cellLine = span.lineAt(cell, 0);
            snippetLineOffsets.put(wrapper.fullClassName(), cellLine - wrappedLine);
        } catch (RuntimeException e) {
            // no wrapper for this kind of snippet: its frames keep the compiled class's line
        }
    }

    /** The line of its cell that a stack frame in a snippet's class points at, or -1 if unknown. */
    int cellLine(String className, int compiledLine) {
        Integer offset = snippetLineOffsets.get(className);
        for (String outer = className; offset == null && outer.lastIndexOf('$') > outer.indexOf("$JShell$") + 7; ) {
            outer = outer.substring(0, outer.lastIndexOf('$')); // a class or lambda body declared in the snippet
            offset = snippetLineOffsets.get(outer);
        }
        return offset == null || compiledLine < 0 ? -1 : compiledLine + offset;
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

    /**
     * Stops the running cell (from another thread), even one that is compiling or between two statements; returns
     * whether the code it was running has ended (false: it is inside a call that ignores stop requests).
     */
    boolean stop() {
        return control.requestStop();
    }

    boolean stopRequested() {
        return control.stopRequested();
    }

    /** The thread running the cell's current statement, or null when none is running. */
    Thread runningThread() {
        return control.runningThread();
    }

    @Override
    public void close() {
        shell.close();
    }
}
