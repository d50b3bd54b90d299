package creativeai.originality;

import creativeai.data.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A WAV file carries the record as the comment (ICMT) of a LIST/INFO chunk after the sound, where audio tools
 * show a file's title and software. The work is the format and the samples: the "fmt " and "data" chunks.
 * The RIFF chunks are read and written by hand: javax.sound.sampled neither reads nor writes INFO.
 */
final class WavCarrier implements ProvenanceCarrier {
    @Override
    public byte[] embed(byte[] file, String json) throws IOException {
        var body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (Chunk chunk : chunks(file)) if (!chunk.isInfo()) write(body, chunk.id(), chunk.data());
        var info = new ByteArrayOutputStream();
        info.writeBytes("INFO".getBytes(StandardCharsets.US_ASCII));
        write(info, "ISFT", zeroEnded("Creative AI in Java"));
        write(info, "ICMT", zeroEnded(MARK + json));
        write(body, "LIST", info.toByteArray());
        var out = new ByteArrayOutputStream();
        write(out, "RIFF", body.toByteArray());
        return out.toByteArray();
    }

    @Override
    public Optional<String> read(byte[] file) throws IOException {
        for (Chunk chunk : chunks(file)) {
            if (!chunk.isInfo()) continue;
            for (Chunk entry : subchunks(chunk.data(), 4)) {
                String text = new String(entry.data(), StandardCharsets.UTF_8).replaceAll("\0+$", "");
                if (entry.id().equals("ICMT") && text.startsWith(MARK)) return Optional.of(text.substring(MARK.length()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String contentSha256(byte[] file) throws IOException {
        MessageDigest digest = Sha256.digest();
        for (Chunk chunk : chunks(file)) {
            if (chunk.id().equals("fmt ") || chunk.id().equals("data")) {
                digest.update(chunk.id().getBytes(StandardCharsets.US_ASCII));
                digest.update(chunk.data());
            }
        }
        return Sha256.hex(digest);
    }

    private record Chunk(String id, byte[] data) {
        boolean isInfo() {
            return id.equals("LIST") && data.length >= 4 && new String(data, 0, 4, StandardCharsets.US_ASCII).equals("INFO");
        }
    }

    private static List<Chunk> chunks(byte[] file) throws IOException {
        if (file.length < 12 || !new String(file, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(file, 8, 4, StandardCharsets.US_ASCII).equals("WAVE")) {
            throw new IOException("not a WAV file (no RIFF/WAVE header)");
        }
        return subchunks(file, 12);
    }

    private static List<Chunk> subchunks(byte[] bytes, int from) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(from);
        while (in.remaining() >= 8) {
            byte[] id = new byte[4];
            in.get(id);
            int size = in.getInt();
            if (size < 0 || size > in.remaining()) throw new IOException("a WAV chunk runs past the end of the file");
            byte[] data = new byte[size];
            in.get(data);
            if (size % 2 == 1 && in.hasRemaining()) in.get();         // chunks are padded to an even length
            chunks.add(new Chunk(new String(id, StandardCharsets.US_ASCII), data));
        }
        return chunks;
    }

    private static void write(ByteArrayOutputStream out, String id, byte[] data) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) out.write(0);
    }

    private static byte[] zeroEnded(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, bytes.length + 1);
    }
}
