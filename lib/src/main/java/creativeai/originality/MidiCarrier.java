package creativeai.originality;

import creativeai.data.Sha256;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A MIDI file carries the record in a text meta event at the start of its first track, which sequencers show and
 * ignore when playing. The work is every other event: when it happens and what it says.
 */
final class MidiCarrier implements ProvenanceCarrier {
    private static final int TEXT = 0x01;

    @Override
    public byte[] embed(byte[] file, String json) throws IOException {
        Sequence sequence = sequence(file);
        for (Track track : sequence.getTracks()) removeRecords(track);
        byte[] text = (MARK + json).getBytes(StandardCharsets.UTF_8);
        try {
            sequence.getTracks()[0].add(new MidiEvent(new MetaMessage(TEXT, text, text.length), 0));
        } catch (InvalidMidiDataException e) {
            throw new IOException("cannot add the provenance event: " + e.getMessage(), e);
        }
        var out = new ByteArrayOutputStream();
        MidiSystem.write(sequence, MidiSystem.getMidiFileTypes(sequence)[0], out);
        return out.toByteArray();
    }

    @Override
    public Optional<String> read(byte[] file) throws IOException {
        for (Track track : sequence(file).getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                String text = record(track.get(i));
                if (text != null) return Optional.of(text.substring(MARK.length()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String contentSha256(byte[] file) throws IOException {
        MessageDigest digest = Sha256.digest();
        Sequence sequence = sequence(file);
        digest.update(ByteBuffer.allocate(8).putFloat(sequence.getDivisionType()).putInt(sequence.getResolution()).array());
        for (Track track : sequence.getTracks()) {
            digest.update(new byte[] {'T'});
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (record(event) != null) continue;
                digest.update(ByteBuffer.allocate(8).putLong(event.getTick()).array());
                digest.update(event.getMessage().getMessage());
            }
        }
        return Sha256.hex(digest);
    }

    private static Sequence sequence(byte[] file) throws IOException {
        try {
            return MidiSystem.getSequence(new ByteArrayInputStream(file));
        } catch (InvalidMidiDataException e) {
            throw new IOException("not a MIDI file Java can read: " + e.getMessage(), e);
        }
    }

    private static void removeRecords(Track track) {
        for (int i = track.size() - 1; i >= 0; i--) if (record(track.get(i)) != null) track.remove(track.get(i));
    }

    /** The event's text if it is a provenance record, else null. */
    private static String record(MidiEvent event) {
        if (!(event.getMessage() instanceof MetaMessage meta) || meta.getType() != TEXT) return null;
        String text = new String(meta.getData(), StandardCharsets.UTF_8);
        return text.startsWith(MARK) ? text : null;
    }
}
