package creativeai.kernel;

import creativeai.kernel.magic.ClasspathMagics;
import creativeai.kernel.magic.MavenMagic;
import creativeai.kernel.runtime.Display;
import creativeai.kernel.runtime.NotebookOutput;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.common.Load;
import org.dflib.jjava.jupyter.kernel.magic.registry.Magics;
import org.dflib.jjava.jupyter.messages.MessageType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The course's Java kernel: cells are Java evaluated by JShell in this JVM, with IJava's notebook surface
 * (display, render, updateDisplay; %jars, %classpath, %load, %maven; completion, inspection, interrupt) and
 * an optional evaluation timeout. JShell starts in the background so the kernel answers at once.
 */
public final class JavaKernel extends BaseKernel implements NotebookOutput {
    private static final String STARTUP = String.join("\n",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static creativeai.kernel.runtime.Display.*;");

    private final CompletableFuture<CellEvaluator> evaluator;
    private final MagicParser magicParser = new MagicParser();
    private final Magics magics = new Magics();
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cell-timeout");
        thread.setDaemon(true);
        return thread;
    });
    private final ErrorReport errorReport = new ErrorReport(errorStyler);
    private volatile CellOutput cellOutput;
    private volatile boolean timedOut;

    /** @param timeout longest a cell may run before it is stopped; zero for no limit */
    public JavaKernel(Duration timeout) {
        this.timeout = timeout;
        this.evaluator = CompletableFuture.supplyAsync(() -> {
            CellEvaluator cells = new CellEvaluator();
            try {
                cells.eval(STARTUP);
            } catch (Exception e) {
                throw new IllegalStateException("the kernel's start-up imports failed: " + e.getMessage(), e);
            }
            return cells;
        });
        magics.registerMagics(new ClasspathMagics(this::addToClasspath));
        magics.registerMagics(MavenMagic.withDefaults(this::addToClasspath));
        magics.registerMagics(new Load(List.of(".jsh", ".jshell", ".java", ".ipynb"), this::evalRaw));
        Display.extend(getRenderer());
        Display.connect(this);
    }

    private CellEvaluator cells() {
        return evaluator.join();
    }

    private void addToClasspath(String path) {
        cells().addToClasspath(path);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new KernelInfo(KERNEL_META.get("project"), KERNEL_META.get("version"),
                    getLanguageInfo(), getBanner(), getHelpLinks()));
        });
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (Creative AI kernel, JShell)";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        Object value;
        try (CellOutput output = CellOutput.capture(watchdog)) {
            cellOutput = output;
            value = evalRaw(code);
        } finally {
            cellOutput = null;
        }
        // A cell ending in System.out.printf(...) has the stream as its value: it printed already, so show nothing more.
        if (value == CellEvaluator.NO_VALUE || value instanceof java.io.PrintStream) return null;
        return value instanceof DisplayData data ? data : render(value);
    }

    private Object evalRaw(String code) throws Exception {
        String java = runLineMagics(code);
        CellEvaluator cells = cells();
        timedOut = false;
        ScheduledFuture<?> alarm = timeout.isZero() ? null : watchdog.schedule(() -> {
            timedOut = true;
            cells.stop();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return cells.eval(java);
        } catch (CellInterruptedException e) {
            if (timedOut) {
                throw new CellInterruptedException("the cell ran longer than the evaluation timeout ("
                        + timeout.toSeconds() + " s, set by COURSE_EVAL_TIMEOUT) and was stopped");
            }
            throw e;
        } finally {
            if (alarm != null) alarm.cancel(false);
        }
    }

    private String runLineMagics(String code) throws Exception {
        try {
            return magicParser.transformLineMagics(code, magic -> {
                try {
                    magics.applyLineMagic(magic.getMagicCall().getName(), magic.getMagicCall().getArgs());
                    return "";
                } catch (Exception e) {
                    throw new MagicFailure(e);
                }
            });
        } catch (MagicFailure failure) {
            throw failure.cause;
        }
    }

    /** Carries a checked exception out of the magic parser's callback. */
    private static final class MagicFailure extends RuntimeException {
        final Exception cause;

        MagicFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellSpan span = cells().splitter().spanAt(code, at);
        int[] anchor = new int[1];
        Set<String> options = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion suggestion :
                cells().analysis().completionSuggestions(span.source(), span.localCursor(at), anchor)) {
            options.add(suggestion.continuation());
        }
        if (options.isEmpty()) return null;
        return new ReplacementOptions(new ArrayList<>(options), span.start() + anchor[0], at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        CellSpan span = cells().splitter().spanAt(code, at);
        SourceCodeAnalysis analysis = cells().analysis();
        List<String> lines = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : analysis.documentation(span.source(), callCursor(span.source(), span.localCursor(at)), true)) {
            lines.add(doc.signature());
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) lines.add(doc.javadoc().strip());
        }
        if (lines.isEmpty()) {
            String type = analysis.analyzeType(span.source(), span.localCursor(at));
            if (type == null || type.isBlank()) return null;
            lines.add(type);
        }
        return new DisplayData(String.join("\n", lines));
    }

    /**
     * JShell documents the call whose argument list holds the cursor; with the cursor on a method's name
     * ({@code Math.ma|x(1, 2)}), move it just inside that method's parentheses.
     */
    private static int callCursor(String source, int cursor) {
        int end = cursor;
        while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) end++;
        return end < source.length() && source.charAt(end) == '(' ? end + 1 : cursor;
    }

    @Override
    public String isComplete(String code) {
        return switch (cells().splitter().lastCompleteness(code)) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        if (evaluator.isDone()) cells().stop();
    }

    @Override
    public List<String> formatError(Exception e) {
        return errorReport.lines(e);
    }

    /**
     * Ends the process shortly after the shutdown reply is sent: closing the messaging library's context can
     * wait forever on sockets other threads still hold, and a front end waits for the process to go.
     */
    @Override
    public void onShutdown(boolean isRestarting) {
        watchdog.shutdownNow();
        Thread exit = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                // exit now
            }
            Runtime.getRuntime().halt(0);
        }, "kernel-exit");
        exit.setDaemon(false);
        exit.start();
    }

    /* NotebookOutput: how Display's functions reach this notebook. */

    @Override
    public DisplayData render(Object value, String... mimeTypes) {
        if (value == null) return new DisplayData("null");
        return mimeTypes.length == 0 ? getRenderer().render(value) : getRenderer().renderAs(value, mimeTypes);
    }

    @Override
    public void show(DisplayData data, String displayId) {
        CellOutput output = cellOutput;
        if (output != null) output.flush();   // text printed before a display shows before it
        data.setDisplayId(displayId);
        getIO().display.display(data);
    }

    @Override
    public void update(DisplayData data, String displayId) {
        getIO().display.updateDisplay(displayId, data);
    }
}
