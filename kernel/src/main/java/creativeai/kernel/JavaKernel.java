package creativeai.kernel;

import creativeai.kernel.magic.ClasspathMagics;
import creativeai.kernel.magic.MavenMagic;
import creativeai.kernel.magic.PomMagics;
import creativeai.kernel.runtime.Display;
import creativeai.kernel.runtime.KernelFunctions;
import creativeai.kernel.runtime.NotebookOutput;
import creativeai.kernel.widgets.WidgetLink;
import jdk.jshell.SourceCodeAnalysis;
import creativeai.kernel.wire.CellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.common.Load;
import org.dflib.jjava.jupyter.kernel.magic.registry.Magics;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

import java.io.PrintStream;
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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The course's Java kernel: cells are Java evaluated by JShell in this JVM, with IJava's notebook surface
 * (display, render, updateDisplay, lineMagic, cellMagic, eval, printf; %jars, %classpath, %load, %maven,
 * %mavenRepo, %loadFromPOM, %%loadFromPOM; completion, inspection, interrupt), {@code %%time}, and an optional
 * evaluation timeout. JShell starts in the background so the kernel answers at once.
 */
public final class JavaKernel extends BaseKernel implements NotebookOutput {
    private static final String STARTUP = String.join("\n",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static creativeai.kernel.runtime.Display.*;",
            "import static creativeai.kernel.runtime.KernelFunctions.*;",
            "import creativeai.kernel.widgets.*;", "import static creativeai.kernel.widgets.Widgets.*;");

    /**
     * The longest cell the kernel runs, completes or inspects (characters). JShell compiles a cell statement by
     * statement; a cell of megabytes (data pasted in) would keep the kernel busy for minutes, so it is refused.
     */
    static final int MAX_CELL_CHARS = 1_000_000;

    /** How often a running cell's memory is compared with the server's cap, when it has one. */
    private static final long MEMORY_CHECK_MS = 50;

    /** How long a stopped cell may keep running before its output says that it cannot be stopped, and why. */
    private static final long STUCK_NOTICE_MS = 1500;

    private final CompletableFuture<CellEvaluator> evaluator;
    private final Magics magics = new Magics();
    private final CellHistory history = new CellHistory();
    private final MagicRunner magicRunner;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cell-timeout");
        thread.setDaemon(true);
        return thread;
    });
    private final ErrorReport errorReport;
    /** Held by a running cell or widget callback: they take turns, never run at once. */
    private final ReentrantLock turn = new ReentrantLock();
    private final CallbackRunner callbacks;
    private volatile CellOutput cellOutput;
    /** Where the running cell's replies and outputs go, for clearing its output and paging. */
    private volatile ShellReplyEnvironment cellRequest;
    private volatile boolean timedOut;
    /** The memory cap of a classroom server's student group, when there is one: a cell that nears it is stopped. */
    private final MemoryGuard memoryGuard;
    private volatile boolean overMemory;
    /** Shown by the first cell: why the previous kernel of this notebook died, when the system killed it. */
    private volatile String restartNote;
    /** A cell is waiting for JShell to start; a stop request then ends it as soon as it may begin. */
    private volatile boolean startingCell;
    private volatile boolean stopWhileStarting;
    /** A stop request came before JShell had started and before any cell: it ends the cell that waits for the start. */
    private volatile boolean stopBeforeReady;

    /**
     * @param timeout     longest a cell may run before it is stopped; zero for no limit
     * @param memoryGuard the memory cap of the control group the kernel runs in; null when it has none
     * @param restartNote what the first cell says before its output (why the previous kernel died); null for nothing
     */
    JavaKernel(Duration timeout, MemoryGuard memoryGuard, String restartNote) {
        this.timeout = timeout;
        this.memoryGuard = memoryGuard;
        this.restartNote = restartNote;
        this.evaluator = CompletableFuture.supplyAsync(() -> {
            CellEvaluator cells = new CellEvaluator();
            try {
                cells.eval(STARTUP);
            } catch (Exception e) {
                throw new IllegalStateException("the kernel's start-up imports failed: " + e.getMessage(), e);
            }
            return cells;
        });
        errorReport = new ErrorReport(errorStyler, (snippetClass, line) -> evaluator.isDone() ? cells().cellLine(snippetClass, line) : -1);
        PrintStream log = System.err; // the kernel's own log (the Jupyter server's console), not a cell's output
        callbacks = new CallbackRunner(turn, log, true);
        WidgetComms comms = new WidgetComms(callbacks, log, e -> errorReport.lines(e instanceof Exception x ? x : new UserCodeError(e)));
        commManager = comms;
        WidgetLink.connect(comms);
        magicRunner = new MagicRunner(magics, () -> evaluator.isDone() && cells().stopRequested());
        magics.registerMagics(new ClasspathMagics(this::addToClasspath));
        MavenMagic maven = MavenMagic.withDefaults(this::addToClasspath);
        magics.registerMagics(maven);
        magics.registerMagics(new PomMagics(maven));
        magics.registerMagics(new Load(List.of(".jsh", ".jshell", ".java", ".ipynb"), this::evalRaw));
        magics.registerMagics(new TimeMagic(this::evalRaw));
        Display.extend(getRenderer());
        Display.connect(this);
        KernelFunctions.connect(new KernelFunctions.Kernel() {
            @Override
            public Object lineMagic(String name, List<String> args) throws Exception {
                return magics.applyLineMagic(name, args);
            }

            @Override
            public Object cellMagic(String name, List<String> args, String body) throws Exception {
                return magics.applyCellMagic(name, args, body);
            }

            @Override
            public Object eval(String code) throws Exception {
                Object value = evalRaw(code);
                return value == CellEvaluator.NO_VALUE ? null : value;
            }
        });
    }

    private CellEvaluator cells() {
        return evaluator.join();
    }

    private void addToClasspath(String path) {
        if (!magicRunner.leftBehind()) cells().addToClasspath(path);
    }

    /**
     * The language as JupyterLab stores it in a notebook: the version is the Java release (17), not the build
     * (17.0.15+6), so that a chapter stored on release 17 opens unchanged and with no unsaved-changes mark.
     */
    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java")
                .version(String.valueOf(Runtime.version().feature()))
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, request) -> {
            cellRequest = env;
            try {
                execute.handle(env, request);
            } finally {
                cellRequest = null;
            }
        });
        connection.setHandler(MessageType.HISTORY_REQUEST, history::answer);
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
        history.add(code);
        if (code.length() > MAX_CELL_CHARS) {
            throw new CompilationException(String.format("this cell is %.1f MB long, and the kernel runs cells of at most "
                    + "%d MB: keep data in a file and read it (Files.readString, a CSV loader)",
                    code.length() / 1e6, MAX_CELL_CHARS / 1_000_000));
        }
        turn.lock(); // a widget callback that runs now finishes first
        try {
            return evalInTurn(code);
        } finally {
            turn.unlock();
        }
    }

    private DisplayData evalInTurn(String code) throws Exception {
        boolean waited = !evaluator.isDone();
        startingCell = true;
        CellEvaluator cells;
        try {
            cells = cells(); // the first cell waits here for JShell to start
            cells.beginCell();
        } finally {
            startingCell = false;
        }
        boolean stopped = stopWhileStarting || stopBeforeReady && waited;
        stopWhileStarting = false;
        stopBeforeReady = false;
        if (stopped) throw new CellInterruptedException("the cell was stopped before it began (the kernel was still starting)");
        timedOut = false;
        overMemory = false;
        ScheduledFuture<?> alarm = timeout.isZero() ? null : watchdog.schedule(() -> {
            timedOut = true;
            stop(cells);
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        long usedAtStart = memoryGuard == null ? 0 : memoryGuard.usedNow();
        ScheduledFuture<?> memoryWatch = memoryGuard == null ? null : watchdog.scheduleWithFixedDelay(() -> {
            if (!overMemory && memoryGuard.nearTheCap(usedAtStart)) {
                overMemory = true;
                stop(cells);
            }
        }, MEMORY_CHECK_MS, MEMORY_CHECK_MS, TimeUnit.MILLISECONDS);
        Object value;
        try (CellOutput output = CellOutput.capture(watchdog)) {
            cellOutput = output;
            if (restartNote != null) {
                System.err.println(restartNote);
                restartNote = null;
            }
            value = evalRaw(code);
        } catch (CellInterruptedException e) {
            if (overMemory) {
                String why = memoryGuard.explanation();
                // what the stopped cell held is garbage now: give it back before the next cell (the serial collector
                // returns a shrinking heap to the system in steps, one per full collection: in the cap's test one
                // collection gave nothing back, five gave back 220 MB of the 340 MB the cell took)
                for (int i = 0; i < 5; i++) System.gc();
                throw new CellInterruptedException(why);
            }
            if (!timedOut) throw e;
            throw new CellInterruptedException("the cell ran longer than the evaluation timeout ("
                    + timeout.toSeconds() + " s, set by COURSE_EVAL_TIMEOUT) and was stopped");
        } finally {
            cellOutput = null;
            if (alarm != null) alarm.cancel(false);
            if (memoryWatch != null) memoryWatch.cancel(false);
        }
        // A cell ending in System.out.printf(...) has the stream as its value: it printed already, so show nothing more.
        if (value == CellEvaluator.NO_VALUE || value instanceof java.io.PrintStream) return null;
        DisplayData result = Display.render(value); // a widget shows its view; anything else as the renderer draws it
        Object text = result.getData(MIMEType.TEXT_PLAIN);
        history.setLastOutput(text == null ? null : text.toString());
        return result;
    }

    /** Runs a cell's magics, then its Java; %load and %%time come back here for the code they run. */
    private Object evalRaw(String code) throws Exception {
        if (MagicRunner.isCellMagic(code)) return magicRunner.runCellMagic(code);
        return cells().eval(magicRunner.runLineMagics(code));
    }

    /**
     * Stops the running cell; if its code ignores the request (a long call into a library that never checks),
     * says so in the cell's output a moment later, with the way out.
     */
    private void stop(CellEvaluator cells) {
        if (cells.stop()) return;
        Thread stuck = cells.runningThread();
        watchdog.schedule(() -> {
            if (stuck != null && stuck.isAlive() && cells.runningThread() == stuck) {
                System.err.println(StuckCell.advice(stuck));
            }
        }, STUCK_NOTICE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        if (code.length() > MAX_CELL_CHARS) return null;
        CellSpan span = cells().splitter().spanAt(code, at);
        int[] anchor = {-1};
        Set<String> options = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion suggestion :
                cells().analysis().completionSuggestions(span.source(), span.localCursor(at), anchor)) {
            options.add(suggestion.continuation());
        }
        String name = CellDeclarations.identifierBefore(code, at);
        if (!name.isEmpty() && !CellDeclarations.isMember(code, at - name.length())) {
            options.addAll(new CellDeclarations(cells().splitter(), cells().analysis()).namesStartingWith(code.substring(0, span.start()), name));
        }
        if (options.isEmpty()) return null;
        int start = anchor[0] >= 0 ? span.start() + anchor[0] : at - name.length();
        return new ReplacementOptions(new ArrayList<>(options), start, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        if (code.length() > MAX_CELL_CHARS) return null;
        CellSpan span = cells().splitter().spanAt(code, at);
        SourceCodeAnalysis analysis = cells().analysis();
        String source = span.source();
        int cursor = span.localCursor(at);
        List<String> lines = documentation(analysis, source, cursor);
        if (lines.isEmpty()) {
            String type = analysis.analyzeType(source, cursor);
            if (type == null || type.isBlank()) return null;
            lines.add(type);
        }
        return new DisplayData(String.join("\n", lines));
    }

    /**
     * JShell documents the call whose argument list holds the cursor. With the cursor on a method's name
     * ({@code Math.ma|x(1, 2)}, or {@code Math.max|} with no parenthesis yet), ask about the call just inside that
     * method's parenthesis, adding it when it is not typed yet.
     */
    private static List<String> documentation(SourceCodeAnalysis analysis, String source, int cursor) {
        int start = cursor;
        while (start > 0 && Character.isJavaIdentifierPart(source.charAt(start - 1))) start--;
        int end = cursor;
        while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) end++;
        boolean onName = end > start && Character.isJavaIdentifierStart(source.charAt(start));
        List<String> lines = new ArrayList<>();
        if (onName && end < source.length() && source.charAt(end) == '(') {
            lines = describe(analysis, source, end + 1);
        } else if (onName) {
            lines = describe(analysis, source.substring(0, end) + "(", end + 1);
        }
        return lines.isEmpty() ? describe(analysis, source, cursor) : lines;
    }

    private static List<String> describe(SourceCodeAnalysis analysis, String source, int cursor) {
        List<String> lines = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : analysis.documentation(source, cursor, true)) {
            lines.add(doc.signature());
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) lines.add(doc.javadoc().strip());
        }
        return lines;
    }

    @Override
    public String isComplete(String code) {
        if (code.length() > MAX_CELL_CHARS) return IS_COMPLETE_BAD;
        return switch (cells().splitter().lastCompleteness(code)) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        if (callbacks.busy()) {
            // a callback holds the kernel's turn, so no cell is running: stopping cells as well left a stop request
            // that the next cell, sent as soon as the callback showed it was stopped, could meet and die of
            callbacks.stop();
            return;
        }
        if (startingCell) {
            stopWhileStarting = true;
        } else if (!evaluator.isDone()) {
            stopBeforeReady = true; // the cell's request may still be on its way: it counts if that cell waits for JShell
        } else {
            stop(cells());
        }
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
        callbacks.shutdown();
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

    @Override
    public void clear(boolean waitForNext) {
        CellOutput output = cellOutput;
        if (output != null) output.flush();
        ShellReplyEnvironment request = cellRequest;
        if (request != null) request.publish(waitForNext ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    @Override
    public void page(String text) {
        if (cellRequest instanceof CellReplyEnvironment request) {
            request.page(text);
        } else {
            System.out.println(text);
        }
    }

    /** Whether the running cell was asked to stop (a wait for input then ends). */
    public boolean stopRequested() {
        return evaluator.isDone() && cells().stopRequested();
    }
}
