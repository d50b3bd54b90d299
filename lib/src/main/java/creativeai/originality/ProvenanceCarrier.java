package creativeai.originality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How one file format carries a provenance record: where the record goes inside the file, and what part of the
 * file is the work itself (the pixels, the notes, the samples), whose SHA-256 the record keeps. The content hash
 * ignores the record, so embedding it does not change the hash. Chosen by file extension.
 */
interface ProvenanceCarrier {
    /** The words a record starts with inside a file, so that it is told apart from other text in the same place. */
    String MARK = "CreativeAI-Provenance ";

    /** The file's bytes with {@code json} embedded (replacing an earlier record). */
    byte[] embed(byte[] file, String json) throws IOException;

    /** The embedded record's JSON, if any. */
    Optional<String> read(byte[] file) throws IOException;

    /** The SHA-256 of the work itself, whatever record is embedded. */
    String contentSha256(byte[] file) throws IOException;

    /** Whether the format has room for a record (plain text has not: its record is in the sidecar only). */
    default boolean embeds() {
        return true;
    }

    static ProvenanceCarrier forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) return new PngCarrier();
        if (name.endsWith(".mid") || name.endsWith(".midi")) return new MidiCarrier();
        if (name.endsWith(".wav")) return new WavCarrier();
        return new SidecarOnly();
    }
}
