package creativeai.kernel.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Printed bytes passed on whole lines at a time (and on {@code flush()}), so that one {@code printf} reaches the
 * notebook as one piece, not a dozen fragments. Complete lines may also wait until {@code holdBytes} of them have
 * gathered or the owner flushes, so that a loop printing a line a millisecond sends a few messages a second, not a
 * thousand. Used for a cell's standard streams and for what an output widget captures.
 */
public final class LineBuffer extends OutputStream {
    private final OutputStream target;
    private final int holdBytes;
    private byte[] pending = new byte[256];
    private int size;

    /** Sends every line as soon as it ends. */
    public LineBuffer(OutputStream target) {
        this(target, 0);
    }

    /** Sends complete lines once {@code holdBytes} bytes wait, or on {@code flush()} (the owner flushes regularly). */
    public LineBuffer(OutputStream target, int holdBytes) {
        this.target = target;
        this.holdBytes = holdBytes;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        append(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        append(bytes, offset, length);
    }

    private void append(byte[] bytes, int offset, int length) throws IOException {
        if (size + length > pending.length) pending = Arrays.copyOf(pending, Math.max(pending.length * 2, size + length));
        System.arraycopy(bytes, offset, pending, size, length);
        size += length;
        int lastNewline = -1;
        for (int i = size - 1; i >= size - length; i--) {
            if (pending[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline >= 0 && lastNewline + 1 >= holdBytes) send(lastNewline + 1);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (size > 0) send(size);
    }

    /** Sends the first {@code count} bytes as one write, keeps the rest. */
    private void send(int count) throws IOException {
        target.write(pending, 0, count);
        target.flush();
        System.arraycopy(pending, count, pending, 0, size - count);
        size -= count;
    }
}
