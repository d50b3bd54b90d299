package creativeai.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * At most {@link #LIMIT_BYTES} of a cell's printed text reaches the notebook; the rest is counted, and when the cell
 * ends one notice says how much was left out and shows the last lines. A cell that prints a million lines then
 * finishes in seconds, its notebook stays small enough for a browser to open, and the Jupyter server never stops
 * relaying output for exceeding its data rate. What is sent passes on in whole lines.
 */
final class OutputBudget extends OutputStream {
    static final int LIMIT_BYTES = 1_000_000;
    private static final int TAIL_BYTES = 2_000;
    private final OutputStream target;
    private long sent;
    private long droppedBytes;
    private long droppedLines;
    private final byte[] tail = new byte[TAIL_BYTES];
    private int tailSize;

    OutputBudget(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int fits = droppedBytes > 0 ? 0 : (int) Math.min(length, LIMIT_BYTES - sent);
        if (fits < length) fits = lastLineEnd(bytes, offset, fits); // cut at a line's end, not inside a character
        if (fits > 0) {
            target.write(bytes, offset, fits);
            sent += fits;
        }
        if (fits < length) drop(bytes, offset + fits, length - fits);
    }

    private static int lastLineEnd(byte[] bytes, int offset, int within) {
        for (int i = within - 1; i >= 0; i--) {
            if (bytes[offset + i] == '\n') return i + 1;
        }
        return 0;
    }

    private void drop(byte[] bytes, int offset, int length) {
        droppedBytes += length;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') droppedLines++;
        }
        int keep = Math.min(length, TAIL_BYTES);
        int shift = Math.min(tailSize, TAIL_BYTES - keep);
        System.arraycopy(tail, tailSize - shift, tail, 0, shift);
        System.arraycopy(bytes, offset + length - keep, tail, shift, keep);
        tailSize = shift + keep;
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    /** Sends the notice of what was left out, if anything was, with the last lines printed. */
    @Override
    public synchronized void close() throws IOException {
        if (droppedBytes == 0) return;
        String last = lastLines(new String(Arrays.copyOf(tail, tailSize), StandardCharsets.UTF_8), 5,
                droppedBytes > tailSize);
        long lines = droppedLines + (tail[tailSize - 1] == '\n' ? 0 : 1); // an unfinished last line counts too
        String notice = String.format("%n[... %,d more lines (%.1f MB) not shown: a cell shows at most %d MB of printed "
                        + "text. Print less often, or write to a file. The last lines were:]%n%s",
                lines, droppedBytes / 1e6, LIMIT_BYTES / 1_000_000, last);
        target.write(notice.getBytes(StandardCharsets.UTF_8));
        target.flush();
        droppedBytes = 0;
    }

    /** The last {@code count} lines of the tail; its first piece is left out when the tail was {@code cut} inside it. */
    private static String lastLines(String text, int count, boolean cut) {
        String[] lines = text.split("\n", -1);
        int end = lines.length;
        if (end > 0 && lines[end - 1].isEmpty()) end--;
        int start = Math.max(cut ? 1 : 0, end - count);
        if (end <= 1) start = 0;
        return String.join("\n", Arrays.copyOfRange(lines, start, end)) + "\n";
    }
}
