package creativeai.kernel;

import creativeai.kernel.runtime.LineBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cell's printed text passes unchanged up to {@link OutputBudget#LIMIT_BYTES}, in whole lines; the line that would
 * cross the limit and everything after it are only counted, and closing the budget sends one notice with how many
 * lines and megabytes were left out and the last lines printed. The million-line case is test_floods.py's, also
 * through the same line buffer a cell's output uses, which hands the stream behind it a few large writes instead of a
 * million small ones. The notice is formatted for the default locale, pinned here to US English.
 */
class OutputBudgetTest {
    private static final String NL = System.lineSeparator();
    private static final int LIMIT = OutputBudget.LIMIT_BYTES;

    /** Everything written, and how many writes and flushes brought it. */
    private static final class Sink extends ByteArrayOutputStream {
        int writes;
        int flushes;

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes++;
            super.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    private final Sink sink = new Sink();
    private final OutputBudget budget = new OutputBudget(sink);
    private Locale locale;

    @BeforeEach
    void pinTheLocale() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restoreTheLocale() {
        Locale.setDefault(locale);
    }

    private static String notice(String lines, String megabytes, String last) {
        return NL + "[... " + lines + " more lines (" + megabytes + " MB) not shown: a cell shows at most 1 MB of printed "
                + "text. Print less often, or write to a file. The last lines were:]" + NL + last;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String padded(int number, int width) {
        String digits = Integer.toString(number);
        return "0".repeat(width - digits.length()) + digits;
    }

    /** Whole lines of ten bytes ("000000042\n"), {@code count} of them from {@code first}. */
    private static byte[] tenByteLines(int first, int count) {
        StringBuilder lines = new StringBuilder(count * 10);
        for (int i = first; i < first + count; i++) lines.append(padded(i, 9)).append('\n');
        return bytes(lines.toString());
    }

    @Test
    void textWithinTheLimitPassesUnchangedAndNeedsNoNotice() throws IOException {
        budget.write(bytes("hello\n"));
        budget.write('w');
        budget.write(bytes("orld"));
        budget.close();
        assertEquals("hello\nworld", sink.text());
    }

    @Test
    void exactlyTheLimitPassesWithNothingLeftOut() throws IOException {
        budget.write(tenByteLines(0, LIMIT / 10));
        budget.close();
        assertEquals(LIMIT, sink.size());
        assertEquals(1, sink.writes);
    }

    @Test
    void aMillionLinesShowTheFirstMegabyteAndANoticeWithTheLastFiveLines() throws IOException {
        for (int i = 0; i < 1_000_000; i++) budget.write(bytes(padded(i, 6) + "\n"));
        assertEquals(999_999, sink.size(), "142,857 lines of seven bytes");
        budget.close();
        String text = sink.text();
        assertTrue(text.startsWith("000000\n000001\n"));
        String shown = text.substring(0, 999_999);
        assertTrue(shown.endsWith("142855\n142856\n"), shown.substring(shown.length() - 20));
        assertEquals(notice("857,143", "6.0", "999995\n999996\n999997\n999998\n999999\n"), text.substring(999_999));
    }

    @Test
    void aMillionPrintedLinesReachTheNotebookInSeventeenWrites() throws IOException {
        PrintStream out = new PrintStream(new LineBuffer(budget, CellOutput.HOLD_BYTES), false, StandardCharsets.UTF_8);
        for (int i = 0; i < 1_000_000; i++) out.println("line " + i);
        out.flush();
        budget.close();
        String text = sink.text();
        assertTrue(text.startsWith("line 0\nline 1\n"));
        assertTrue(text.substring(0, 999_999).endsWith("line 91917\nline 91918\n"), "every line that fits, whole");
        assertEquals(notice("908,081", "10.9", "line 999995\nline 999996\nline 999997\nline 999998\nline 999999\n"),
                text.substring(999_999));
        assertTrue(text.length() < 1_100_000);
        assertEquals(17, sink.writes, "fifteen full 64 KiB pieces, the one cut at the limit, the notice");
    }

    @Test
    void aWriteThatCrossesTheLimitIsCutAfterItsLastWholeLine() throws IOException {
        budget.write(bytes("0123456789\n".repeat(100_000)));
        assertEquals(90_909 * 11, sink.size());
        budget.close();
        assertEquals(notice("9,091", "0.1", "0123456789\n".repeat(5)), sink.text().substring(90_909 * 11));
    }

    @Test
    void onceALineIsLeftOutEveryLaterOneIsTooSoTheOrderHolds() throws IOException {
        budget.write(tenByteLines(0, 99_999));
        budget.write(bytes("abcd\n"));
        assertEquals(LIMIT - 5, sink.size());
        budget.write(bytes("123456\n"));
        budget.write(bytes("ab\n"));
        budget.write(bytes("c"));
        assertEquals(LIMIT - 5, sink.size());
        budget.close();
        assertEquals(notice("3", "0.0", "123456\nab\nc\n"), sink.text().substring(LIMIT - 5));
    }

    @Test
    void aCharacterAtTheLimitIsLeftOutWholeNotCut() throws IOException, CharacterCodingException {
        budget.write(tenByteLines(0, 99_999));
        budget.write(bytes("abcdefghi"));
        budget.write(bytes("é\n"));
        assertEquals(LIMIT - 1, sink.size());
        budget.close();
        String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(sink.toByteArray())).toString();
        assertEquals(notice("1", "0.0", "é\n"), text.substring(999_999));
    }

    @Test
    void aSingleLineLongerThanTheLimitIsLeftOutAndItsEndShown() throws IOException {
        budget.write(bytes("x".repeat(1_500_000)));
        assertEquals(0, sink.size());
        budget.close();
        assertEquals(notice("1", "1.5", "x".repeat(2_000) + "\n"), sink.text());
    }

    @Test
    void theNoticeNeverShowsALineCutByTheEndOfWhatItKept() throws IOException {
        budget.write(tenByteLines(0, LIMIT / 10));
        String a = "a".repeat(899) + "\n";
        String b = "b".repeat(899) + "\n";
        String c = "c".repeat(899) + "\n";
        budget.write(bytes(a + b + c));
        budget.close();
        assertEquals(notice("3", "0.0", b + c), sink.text().substring(LIMIT));
    }

    @Test
    void theNoticeShowsTheLastLinesOfManySmallWrites() throws IOException {
        budget.write(tenByteLines(0, LIMIT / 10));
        for (int i = 0; i < 1_000; i++) budget.write(bytes("step " + i + "\n"));
        budget.close();
        assertEquals(notice("1,000", "0.0", "step 995\nstep 996\nstep 997\nstep 998\nstep 999\n"),
                sink.text().substring(LIMIT));
    }

    @Test
    void theNoticeIsSentOnceAndFlushed() throws IOException {
        budget.write(tenByteLines(0, LIMIT / 10 + 1));
        budget.close();
        int flushes = sink.flushes;
        int size = sink.size();
        budget.close();
        assertEquals(size, sink.size());
        assertEquals(flushes, sink.flushes);
        assertEquals(notice("1", "0.0", "000100000\n"), sink.text().substring(LIMIT));
        assertEquals(1, flushes);
    }

    @Test
    void flushReachesTheTarget() throws IOException {
        budget.write(bytes("partial"));
        budget.flush();
        assertEquals(1, sink.flushes);
        assertEquals("partial", sink.text());
    }
}
