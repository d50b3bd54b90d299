package creativeai.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        Object value = cells.eval("var xs = new java.util.ArrayList<Integer>();\nxs.add(3);\nxs");
        assertEquals(List.of(3), value);
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() throws Exception {
        assertSame(CellEvaluator.NO_VALUE, cells.eval("int declared = 4;"));
        assertSame(CellEvaluator.NO_VALUE, cells.eval("System.out.print(\"\");"));
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
                () -> cells.eval("int ok = 1;\n\nString s = missingName;"));
        assertTrue(e.getMessage().startsWith("line 3: cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("missingName"), e.getMessage());
    }

    @Test
    void rethrowsTheUsersOwnException() {
        var e = assertThrows(UnsupportedOperationException.class, () -> cells.eval("throw new UnsupportedOperationException(\"no\");"));
        assertEquals("no", e.getMessage());
    }

    @Test
    void errorsAreWrappedWithTheirType() {
        var e = assertThrows(UserCodeError.class, () -> cells.eval("throw new StackOverflowError(\"deep\");"));
        assertTrue(e.getCause() instanceof StackOverflowError);
    }

    @Test
    void stopEndsABusyLoop() throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
            }
            cells.stop();
        });
        stopper.start();
        long start = System.nanoTime();
        assertThrows(CellInterruptedException.class, () -> cells.eval("long spins = 0;\nwhile (true) { spins++; }"));
        assertTrue((System.nanoTime() - start) / 1e9 < 5);
        assertEquals(7, cells.eval("3 + 4"));
    }

    @Test
    void aStopRequestThatArrivesBetweenStatementsHoldsUntilTheCellEndsAndNotLonger() throws Exception {
        var control = new CellExecutionControl();
        java.lang.reflect.Method snippet = System.class.getMethod("nanoTime");
        control.beginCell();
        control.stop(); // nothing runs: the cell's next statement is still compiling
        assertThrows(jdk.jshell.spi.ExecutionControl.StoppedException.class, () -> control.invoke(snippet));
        assertTrue(control.takeStopped());
        control.beginCell();
        assertEquals(CellExecutionControl.VALUE_HANDLE, control.invoke(snippet));
    }
}
