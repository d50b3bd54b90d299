package creativeai.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format MNIST and Fashion-MNIST use (plain or gzipped): a magic number naming the element
 * type and rank, the dimensions, then unsigned bytes.
 */
public final class IdxReader {
    private IdxReader() {
    }

    /** The dimensions and the unsigned bytes of an IDX file of unsigned bytes. */
    public record Idx(int[] dimensions, byte[] data) {
        public int count() {
            return dimensions[0];
        }
    }

    public static Idx read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw)) {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
                throw new DataException(file + " is not an IDX file of unsigned bytes (magic number " + Integer.toHexString(magic) + ")");
            }
            int rank = magic & 0xff;
            int[] dimensions = new int[rank];
            long size = 1;
            for (int d = 0; d < rank; d++) {
                dimensions[d] = in.readInt();
                size *= dimensions[d];
            }
            if (size > Integer.MAX_VALUE) throw new DataException(file + " is too large for one array");
            byte[] data = new byte[(int) size];
            try {
                in.readFully(data);
            } catch (java.io.EOFException e) {
                throw new DataException(file + " is shorter than its header says (truncated download?)", e);
            }
            return new Idx(dimensions, data);
        }
    }
}
