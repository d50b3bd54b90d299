package creativeai.originality;

import creativeai.data.Sha256;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A PNG carries the record in an international text chunk (iTXt, UTF-8) with the keyword "CreativeAI-Provenance",
 * just before the image's end; image viewers and exiftool list it. The work is the decoded pixels.
 * Chunks are written by hand: ImageIO's metadata tree would need the image decoded and encoded again.
 */
final class PngCarrier implements ProvenanceCarrier {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String KEYWORD = MARK.strip();

    @Override
    public byte[] embed(byte[] file, String json) throws IOException {
        var out = new ByteArrayOutputStream(file.length + json.length() + 64);
        out.write(SIGNATURE);
        for (Chunk chunk : chunks(file)) {
            if (chunk.type().equals("IEND")) writeChunk(out, "iTXt", text(json));
            if (!chunk.isRecord()) writeChunk(out, chunk.type(), chunk.data());
        }
        return out.toByteArray();
    }

    @Override
    public Optional<String> read(byte[] file) throws IOException {
        for (Chunk chunk : chunks(file)) {
            if (chunk.isRecord()) {
                byte[] d = chunk.data();
                int at = KEYWORD.length() + 3;                       // keyword, NUL, compression flag and method
                for (int nul = 0; nul < 2; nul++) while (at < d.length && d[at++] != 0) { } // language tag, translated keyword: each ends with NUL
                return Optional.of(new String(d, at, d.length - at, StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    @Override
    public String contentSha256(byte[] file) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
        if (image == null) throw new IOException("not an image ImageIO can read");
        int w = image.getWidth(), h = image.getHeight();
        ByteBuffer pixels = ByteBuffer.allocate(8 + 4 * w * h).putInt(w).putInt(h);
        for (int argb : image.getRGB(0, 0, w, h, null, 0, w)) pixels.putInt(argb);
        return Sha256.of(pixels.array());
    }

    private record Chunk(String type, byte[] data) {
        boolean isRecord() {
            byte[] key = (KEYWORD + "\0").getBytes(StandardCharsets.ISO_8859_1);
            return type.equals("iTXt") && data.length > key.length && Arrays.equals(data, 0, key.length, key, 0, key.length);
        }
    }

    private static java.util.List<Chunk> chunks(byte[] file) throws IOException {
        if (file.length < 8 || !Arrays.equals(file, 0, 8, SIGNATURE, 0, 8)) throw new IOException("not a PNG file (no PNG signature)");
        var chunks = new java.util.ArrayList<Chunk>();
        ByteBuffer in = ByteBuffer.wrap(file, 8, file.length - 8);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 8) throw new IOException("a PNG chunk runs past the end of the file");
            byte[] type = new byte[4], data = new byte[length];
            in.get(type).get(data).getInt();                          // the CRC: ImageIO checks pixels; the record is checked by hash
            chunks.add(new Chunk(new String(type, StandardCharsets.ISO_8859_1), data));
        }
        if (chunks.isEmpty() || !chunks.get(chunks.size() - 1).type().equals("IEND")) throw new IOException("a PNG file without its end chunk");
        return chunks;
    }

    private static byte[] text(String json) {
        var data = new ByteArrayOutputStream();
        data.writeBytes(KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 0, 0, 0, 0});                  // NUL, uncompressed, method 0, no language, no translation
        data.writeBytes(json.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
