package creativeai.kernel;

import org.dflib.jjava.jupyter.kernel.magic.registry.Magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs a cell's magics ({@code %maven}, {@code %jars}, {@code %load}, {@code %%time} ...) and hands back the Java
 * that is left. Each magic runs on a thread of its own so that a stop request ends the cell at once even while a
 * magic waits on the network: the magic is interrupted, and one that still has not ended a second later is left
 * behind, its jars never added.
 */
final class MagicRunner {
    private static final long GRACE_MS = 1000;

    private final Magics magics;
    private final BooleanSupplier stopRequested;
    private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();

    MagicRunner(Magics magics, BooleanSupplier stopRequested) {
        this.magics = magics;
        this.stopRequested = stopRequested;
    }

    /** Whether the calling thread runs a magic its cell gave up on (what it would add to the notebook is dropped). */
    boolean leftBehind() {
        return abandoned.contains(Thread.currentThread());
    }

    /** Whether the cell is a cell magic: its first line starts with {@code %%}. */
    static boolean isCellMagic(String cell) {
        return cell.startsWith("%%");
    }

    /** Runs a cell magic ({@code %%name args} on the first line, the body below) and returns its value. */
    Object runCellMagic(String cell) throws Exception {
        int lineEnd = cell.indexOf('\n');
        String header = (lineEnd < 0 ? cell : cell.substring(0, lineEnd)).substring(2).strip();
        String body = lineEnd < 0 ? "" : cell.substring(lineEnd + 1);
        List<String> words = words(header);
        if (words.isEmpty()) throw new IllegalArgumentException("'%%' must be followed by a cell magic's name, e.g. %%time");
        String name = words.get(0);
        return stoppably("%%" + name, () -> magics.applyCellMagic(name, words.subList(1, words.size()), body));
    }

    /** Runs the cell's line magics in order; returns its Java with each magic line left empty (line numbers hold). */
    String runLineMagics(String cell) throws Exception {
        List<MagicLines.Line> lines = MagicLines.find(cell);
        if (lines.isEmpty()) return cell;
        StringBuilder java = new StringBuilder(cell.length());
        int at = 0;
        for (MagicLines.Line line : lines) {
            java.append(cell, at, line.start());
            List<String> words = words(line.magic().substring(1));
            if (words.isEmpty()) throw new IllegalArgumentException("'%' must be followed by a magic's name, e.g. %maven");
            String name = words.get(0);
            List<String> args = words.subList(1, words.size());
            if (line.inExpression()) {
                java.append(line.java()).append(asCall(name, args));
            } else {
                stoppably("%" + name, () -> magics.applyLineMagic(name, args));
            }
            at = line.end();
        }
        return java.append(cell, at, cell.length()).toString();
    }

    /** Runs the magic on its own thread and waits for it, unless a stop is requested first. */
    private Object stoppably(String name, Callable<Object> magic) throws Exception {
        if (stopRequested.getAsBoolean()) throw stopped(name);
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(magic.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "notebook-magic");
        thread.setDaemon(true);
        thread.start();
        while (true) {
            try {
                return result.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!stopRequested.getAsBoolean()) continue;
                thread.interrupt();
                thread.join(GRACE_MS);
                if (thread.isAlive()) {
                    abandoned.removeIf(left -> !left.isAlive());
                    abandoned.add(thread);
                }
                throw stopped(name);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) throw cause;
                throw new UserCodeError(e.getCause());
            }
        }
    }

    /** The Java a magic in an expression becomes: IJava's {@code lineMagic(name, args)}, run with the rest of the line. */
    static String asCall(String name, List<String> args) {
        StringBuilder call = new StringBuilder("lineMagic(").append(javaString(name)).append(", java.util.List.of(");
        for (int i = 0; i < args.size(); i++) call.append(i == 0 ? "" : ", ").append(javaString(args.get(i)));
        return call.append("));").toString();
    }

    private static String javaString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static CellInterruptedException stopped(String magic) {
        return new CellInterruptedException("the cell was stopped while " + magic + " ran");
    }

    /** A magic's words: split at spaces and tabs, except inside double quotes. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (any) words.add(word.toString());
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) words.add(word.toString());
        return words;
    }
}
