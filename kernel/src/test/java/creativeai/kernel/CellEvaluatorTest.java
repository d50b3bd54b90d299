package creativeai.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellEvaluatorTest {
    private static CellEvaluator cells;

    @BeforeAll
    static void start() {
        cells = new CellEvaluator();
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void returnsTheLastExpressionAsAnObject() throws Exception {
        Object value = run(cells, "var xs = new java.util.ArrayList<Integer>();\nxs.add(3);\nxs");
        assertEquals(List.of(3), value);
    }

    @Test
    void aSemicolonAfterTheLastExpressionHidesItsValue() throws Exception {
        assertEquals(42, run(cells, "6 * 7"));
        assertEquals(42, run(cells, "6 * 7 // the answer"));
        assertEquals("http://x", run(cells, "\"http://x\""));
        assertSame(CellEvaluator.NO_VALUE, run(cells, "6 * 7;"));
        assertSame(CellEvaluator.NO_VALUE, run(cells, "6 * 7; // run for its effect"));
        assertSame(CellEvaluator.NO_VALUE, run(cells, "String.valueOf(\"http://x\");"));
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() throws Exception {
        assertSame(CellEvaluator.NO_VALUE, run(cells, "int declared = 4;"));
        assertSame(CellEvaluator.NO_VALUE, run(cells, "System.out.print(\"\");"));
    }

    @Test
    void splitsACellIntoSnippetsWithTheirStartLines() {
        String cell = "int a = 1;\n\nint b = 2;\n  a + b";
        List<CellSpan> spans = cells.splitter().split(cell);
        assertEquals(3, spans.size());
        assertEquals(List.of(1, 3, 4), spans.stream().map(s -> s.lineAt(cell, s.source().length() - 1)).toList());
    }

    @Test
    void compileErrorsNameTheCellLine() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> run(cells, "int ok = 1;\n\nString s = missingName;"));
        assertTrue(e.getMessage().startsWith("line 3: cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("missingName"), e.getMessage());
    }

    @Test
    void rethrowsTheUsersOwnException() {
        var e = assertThrows(UnsupportedOperationException.class, () -> run(cells, "throw new UnsupportedOperationException(\"no\");"));
        assertEquals("no", e.getMessage());
    }

    @Test
    void errorsAreWrappedWithTheirType() {
        var e = assertThrows(UserCodeError.class, () -> run(cells, "throw new StackOverflowError(\"deep\");"));
        assertTrue(e.getCause() instanceof StackOverflowError);
    }

    /** Runs one cell as the kernel does: a new cell begins, then its code runs. */
    private static Object run(CellEvaluator evaluator, String cell) throws Exception {
        evaluator.beginCell();
        return evaluator.eval(cell);
    }

    /** Runs the cell, asks it to stop after 300 ms, and returns how long it took to end as stopped. */
    private static double secondsToStop(CellEvaluator evaluator, String cell) throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
            }
            evaluator.stop();
        });
        evaluator.beginCell();
        stopper.start();
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(CellInterruptedException.class, () -> evaluator.eval(cell)), "the cell never stopped: " + cell);
        stopper.join();
        return (System.nanoTime() - start) / 1e9 - 0.3;
    }

    @Test
    void stopEndsABusyLoop() throws Exception {
        assertTrue(secondsToStop(cells, "long spins = 0;\nwhile (true) { spins++; }") < 2);
        assertEquals(7, run(cells, "3 + 4"));
    }

    /** Without Thread.stop (JDK 20 and later), the stop checks compiled into the cell end it, wherever it loops. */
    @Test
    void theCompiledInChecksAloneStopLoopsLambdasMethodsAndSwallowingCatches() throws Exception {
        try (CellEvaluator checksOnly = new CellEvaluator(false)) {
            String[] cells = {
                    "long n = 0;\nfor (;;) n++;",
                    "do { } while (System.nanoTime() > 0);",
                    "java.util.stream.IntStream.iterate(0, i -> i + 1).forEach(i -> Math.sqrt(i));",
                    "class Spinner { static long spin(long n) { while (n > -1) n++; return n; } }\nSpinner.spin(0);",
                    "while (true) { try { while (true) { } } catch (Exception e) { } }",
                    "Runnable r = () -> { for (int i = 0; ; i = (i + 1) % 7) { } };\nr.run();",
            };
            for (String cell : cells) {
                double seconds = secondsToStop(checksOnly, cell);
                assertTrue(seconds < 1, seconds + " s to stop: " + cell);
                assertEquals(7, run(checksOnly, "3 + 4"), "the next cell runs after: " + cell);
            }
        }
    }

    @Test
    void aCellThatCatchesThrowableStillEndsAsStopped() throws Exception {
        try (CellEvaluator checksOnly = new CellEvaluator(false)) {
            double seconds = secondsToStop(checksOnly, "try { while (true) { } } catch (Throwable t) { }\nint after = 1;");
            assertTrue(seconds < 1, seconds + " s");
            assertThrows(CompilationException.class, () -> run(checksOnly, "after"), "the statement after the stop never ran");
        }
    }

    @Test
    void aStopDuringALongCellEndsItAtTheNextStatement() throws Exception {
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < 400; i++) cell.append("int v").append(i).append(" = ").append(i).append(";\n");
        double seconds = secondsToStop(cells, cell.toString());
        assertTrue(seconds < 1, seconds + " s");
        assertThrows(CompilationException.class, () -> run(cells, "v399"), "the last statement never ran");
    }

    @Test
    void runtimeErrorsNameTheLineOfTheCellNotOfTheCompiledSnippet() throws Exception {
        var report = new ErrorReport(new org.dflib.jjava.jupyter.kernel.util.StringStyler.Builder().build(), cells::cellLine);
        var thrown = assertThrows(IllegalStateException.class,
                () -> run(cells, "int a = 1;\n\nif (a == 1)\n    throw new IllegalStateException(\"x\");"));
        assertTrue(plain(report.lines(thrown)).contains("at the cell, line 4\n"), plain(report.lines(thrown)));
        run(cells, "// a helper\nint half(int x) {\n    if (x < 0)\n        throw new IllegalArgumentException(\"negative\");\n    return x / 2;\n}");
        var inMethod = assertThrows(IllegalArgumentException.class, () -> run(cells, "int h = 4;\nhalf(-h)"));
        String lines = plain(report.lines(inMethod));
        assertTrue(lines.contains("at half (line 4 of the cell that defined it)\n"), lines);
        assertTrue(lines.contains("at the cell, line 2\n"), lines);
    }

    /** The report's lines without their terminal colours, each ending in a line break. */
    private static String plain(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) text.append(line.replaceAll("\u001B\\[[;\\d]*m", "")).append('\n');
        return text.toString();
    }

    @Test
    void aStopRequestThatArrivesBetweenStatementsHoldsUntilTheCellEndsAndNotLonger() throws Exception {
        var control = new CellExecutionControl(true);
        java.lang.reflect.Method snippet = System.class.getMethod("nanoTime");
        control.beginCell();
        control.stop(); // nothing runs: the cell's next statement is still compiling
        assertThrows(jdk.jshell.spi.ExecutionControl.StoppedException.class, () -> control.invoke(snippet));
        assertTrue(control.takeStopped());
        control.beginCell();
        assertEquals(CellExecutionControl.VALUE_HANDLE, control.invoke(snippet));
    }
}
