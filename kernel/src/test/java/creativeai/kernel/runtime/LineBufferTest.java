package creativeai.kernel.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Printed text reaches the stream behind a line buffer in whole lines, each piece as one write followed by a flush:
 * a line that is printed in fragments arrives as one piece, text after the last line end waits for the next line or
 * an explicit flush, and with a hold size complete lines gather until that many bytes wait. Writers on several
 * threads never split each other's lines.
 */
class LineBufferTest {
    /** Every write the buffer makes, as text, and how often it flushed. */
    private static final class Recorder extends OutputStream {
        final List<String> writes = new ArrayList<>();
        int flushes;

        @Override
        public void write(int b) {
            writes.add(new String(new byte[] {(byte) b}, StandardCharsets.UTF_8));
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public synchronized void flush() {
            flushes++;
        }
    }

    private final Recorder target = new Recorder();

    private static void print(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLinePrintedInFragmentsArrivesAsOneWriteAndIsFlushed() throws IOException {
        LineBuffer buffer = new LineBuffer(target);
        print(buffer, "epoch ");
        print(buffer, "3");
        print(buffer, ": loss 0.25");
        assertEquals(List.of(), target.writes);
        print(buffer, "\n");
        assertEquals(List.of("epoch 3: loss 0.25\n"), target.writes);
        assertEquals(1, target.flushes);
    }

    @Test
    void textAfterTheLastLineEndWaitsForTheNextLine() throws IOException {
        LineBuffer buffer = new LineBuffer(target);
        print(buffer, "a\nb\nc");
        assertEquals(List.of("a\nb\n"), target.writes);
        print(buffer, "d\ne");
        assertEquals(List.of("a\nb\n", "cd\n"), target.writes);
    }

    @Test
    void flushSendsAnUnfinishedLineAndNothingWhenNothingWaits() throws IOException {
        LineBuffer buffer = new LineBuffer(target);
        buffer.flush();
        assertEquals(List.of(), target.writes);
        assertEquals(0, target.flushes);
        print(buffer, "training...");
        buffer.flush();
        assertEquals(List.of("training..."), target.writes);
        assertEquals(1, target.flushes);
        print(buffer, " done\n");
        assertEquals(List.of("training...", " done\n"), target.writes);
        buffer.flush();
        assertEquals(2, target.writes.size());
    }

    @Test
    void singleBytesGatherIntoOneLine() throws IOException {
        LineBuffer buffer = new LineBuffer(target);
        for (byte b : "42\n7".getBytes(StandardCharsets.US_ASCII)) buffer.write(b);
        assertEquals(List.of("42\n"), target.writes);
        buffer.flush();
        assertEquals(List.of("42\n", "7"), target.writes);
    }

    @Test
    void onlyTheGivenPartOfAnArrayIsTaken() throws IOException {
        LineBuffer buffer = new LineBuffer(target);
        byte[] bytes = "xxhello\nyy".getBytes(StandardCharsets.US_ASCII);
        buffer.write(bytes, 2, 6);
        assertEquals(List.of("hello\n"), target.writes);
    }

    @Test
    void aCharacterSplitAcrossWritesArrivesWhole() throws IOException {
        LineBuffer buffer = new LineBuffer(target);
        byte[] snowman = "☃\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : snowman) buffer.write(b);
        assertEquals(List.of("☃\n"), target.writes);
    }

    @Test
    void completeLinesWaitUntilTheHoldSizeHasGathered() throws IOException {
        LineBuffer buffer = new LineBuffer(target, 10);
        print(buffer, "abc\n");
        print(buffer, "de\n");
        assertEquals(List.of(), target.writes);
        print(buffer, "fg\nhij");
        assertEquals(List.of("abc\nde\nfg\n"), target.writes, "ten bytes of complete lines");
        print(buffer, "klmnopqrstuvwxyz");
        assertEquals(1, target.writes.size(), "an unfinished line does not count toward the hold size");
        print(buffer, "\n");
        assertEquals(List.of("abc\nde\nfg\n", "hijklmnopqrstuvwxyz\n"), target.writes);
    }

    @Test
    void withAHoldSizeFlushStillSendsEverything() throws IOException {
        LineBuffer buffer = new LineBuffer(target, 64 * 1024);
        print(buffer, "one\ntwo\nthr");
        assertEquals(List.of(), target.writes);
        buffer.flush();
        assertEquals(List.of("one\ntwo\nthr"), target.writes);
        assertEquals(1, target.flushes);
    }

    @Test
    void linesLongerThanTheInitialBufferArriveWhole() throws IOException {
        LineBuffer buffer = new LineBuffer(target);
        String longLine = "0123456789".repeat(10_000);
        print(buffer, longLine.substring(0, 300));
        print(buffer, longLine.substring(300) + "\nafter");
        assertEquals(List.of(longLine + "\n"), target.writes);
        print(buffer, "\n");
        assertEquals(List.of(longLine + "\n", "after\n"), target.writes);
    }

    @Test
    void aPrintStreamOverItSendsAMillionShortLinesInAFewWritesWhenHeld() {
        LineBuffer buffer = new LineBuffer(target, 64 * 1024);
        PrintStream out = new PrintStream(buffer, false, StandardCharsets.UTF_8);
        for (int i = 0; i < 100_000; i++) out.println("line " + i);
        out.flush();
        String all = String.join("", target.writes);
        assertEquals(IntStream.range(0, 100_000).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining()), all);
        assertEquals(1_088_890, all.length());
        assertEquals(17, target.writes.size(), "sixteen of 64 KiB as they fill, the rest on flush");
        assertTrue(target.writes.stream().allMatch(write -> write.endsWith("\n")));
    }

    @Test
    void writersOnSeveralThreadsNeverSplitEachOthersLines() throws InterruptedException {
        LineBuffer buffer = new LineBuffer(target);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "thread" + t;
            writers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) print(buffer, name + " line " + i + "\n");
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) writer.join();
        List<String> lines = target.writes.stream().flatMap(write -> write.lines()).toList();
        assertEquals(8_000, lines.size());
        Set<String> expected = IntStream.range(0, 4).boxed()
                .flatMap(t -> IntStream.range(0, 2_000).mapToObj(i -> "thread" + t + " line " + i))
                .collect(Collectors.toSet());
        assertEquals(expected, Set.copyOf(lines));
    }
}
