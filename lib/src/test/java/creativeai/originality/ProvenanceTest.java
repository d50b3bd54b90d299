package creativeai.originality;

import creativeai.music.Audio;
import creativeai.music.AbcParser;
import creativeai.music.MidiFiles;
import creativeai.music.Tune;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceTest {
    private static final Tune TUNE = AbcParser.parseAll("X:1\nT:Test\nM:4/4\nL:1/8\nK:G\nGABc d2B2|c2A2 G4|]\n").get(0);

    private static Provenance record(Path checkpoint) {
        return Provenance.of("test work", "tiny-model").seed(7).setting("temperature", 0.8)
                .checkpoint(checkpoint).trainedOn("shakespeare-sonnets", "mnist-train-images");
    }

    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 20; x++) image.getRaster().setSample(x, x / 2, 0, 200);
        return image;
    }

    @Test
    void aRecordNamesTheCheckpointByHashAndTheDataWithItsLicence(@TempDir Path dir) throws IOException {
        Path checkpoint = Files.writeString(dir.resolve("model.zip"), "weights");
        Provenance p = record(checkpoint);
        assertEquals(creativeai.data.Sha256.of(checkpoint), p.checkpoints().get("model.zip"));
        assertEquals("Public domain", p.datasets().get(0).licence());
        assertEquals("CC BY-SA 3.0", p.datasets().get(1).licence());
        assertEquals("0.8", p.settings().get("temperature"));
        assertTrue(p.course().startsWith("Creative AI in Java 0."), p.course());
        assertThrows(RuntimeException.class, () -> p.trainedOn("no-such-dataset"));
    }

    @Test
    void aPngCarriesItsRecordAndAChangedPixelIsCaught(@TempDir Path dir) throws IOException {
        Path file = record(Files.writeString(dir.resolve("m.zip"), "w")).save(dir.resolve("grid.png"), image());
        Provenance back = Provenance.read(file).orElseThrow();
        assertEquals("tiny-model", back.model());
        assertEquals(back, Provenance.read(Provenance.sidecar(file).resolveSibling("grid.png")).orElseThrow());
        assertTrue(Provenance.verify(file).verified(), Provenance.verify(file).toString());
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(200, read.getRaster().getSample(4, 2, 0), "the image itself is unchanged by the record");

        Files.delete(Provenance.sidecar(file));
        assertTrue(Provenance.verify(file).verified(), "the embedded record alone verifies");

        read.getRaster().setSample(0, 9, 0, 1);                         // one pixel, then the record put back unchanged
        var png = new java.io.ByteArrayOutputStream();
        ImageIO.write(read, "png", png);
        Files.write(file, new PngCarrier().embed(png.toByteArray(), back.toJson(false)));
        Verification tampered = Provenance.verify(file);
        assertFalse(tampered.verified());
        assertTrue(tampered.problems().get(0).contains("content changed"), tampered.toString());
    }

    @Test
    void aPngSavedAgainWithoutItsRecordIsToldApartByItsSidecar(@TempDir Path dir) throws IOException {
        Path file = record(Files.writeString(dir.resolve("m.zip"), "w")).save(dir.resolve("grid.png"), image());
        ImageIO.write(ImageIO.read(file.toFile()), "png", file.toFile());   // an editor that drops text chunks
        Verification v = Provenance.verify(file);
        assertFalse(v.verified());
        assertEquals("tiny-model", v.record().model(), "the sidecar still says where it came from");
        assertTrue(v.problems().get(0).contains("embedded record is gone"), v.toString());
    }

    @Test
    void aMidiFileKeepsItsNotesAndCarriesItsRecord(@TempDir Path dir) throws IOException {
        Path file = record(Files.writeString(dir.resolve("m.zip"), "w")).save(dir.resolve("tune.mid"), MidiFiles.bytes(TUNE));
        assertTrue(Provenance.verify(file).verified(), Provenance.verify(file).toString());
        assertEquals(TUNE.notes(), MidiFiles.read(file).notes());
        assertTrue(new MidiCarrier().read(Files.readAllBytes(file)).orElseThrow().contains("\"work\":\"test work\""));

        Tune other = AbcParser.parseAll("X:1\nT:Test\nM:4/4\nL:1/8\nK:G\nGABc d2B2|c2A2 G3A|]\n").get(0);
        String json = new MidiCarrier().read(Files.readAllBytes(file)).orElseThrow();
        Files.write(file, new MidiCarrier().embed(MidiFiles.bytes(other), json));
        assertFalse(Provenance.verify(file).verified(), "one note changed");
    }

    @Test
    void aWavFileStillPlaysAndCarriesItsRecord(@TempDir Path dir) throws IOException {
        float[] samples = new float[2205];
        for (int i = 0; i < samples.length; i++) samples[i] = (float) Math.sin(i * 0.1);
        Audio audio = Audio.of(samples, 22_050);
        Path file = record(Files.writeString(dir.resolve("m.zip"), "w")).save(dir.resolve("tone.wav"), audio.wav());
        assertTrue(Provenance.verify(file).verified(), Provenance.verify(file).toString());
        assertEquals(audio.seconds(), Audio.read(file).seconds(), 1e-9);
        assertEquals(audio.rms(), Audio.read(file).rms(), 1e-4);          // 16-bit samples

        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 1;                                                  // one sample, inside the data chunk
        Files.write(file, bytes);
        assertFalse(Provenance.verify(file).verified());
    }

    @Test
    void textKeepsItsRecordInTheSidecarAndAnEditIsCaught(@TempDir Path dir) throws IOException {
        Path file = record(Files.writeString(dir.resolve("m.zip"), "w")).save(dir.resolve("poem.txt"), "Shall I compare thee\n");
        assertEquals("Shall I compare thee\n", Files.readString(file));
        assertTrue(Provenance.verify(file).verified());
        Files.writeString(file, "Shall I compare thee!\n");
        Verification v = Provenance.verify(file);
        assertEquals(2, v.problems().size(), v.toString());             // its content and its file hash
    }

    @Test
    void aFileWithoutARecordSaysSoAndABrokenRecordIsAClearError(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Verification v = Provenance.verify(plain);
        assertFalse(v.verified());
        assertNull(v.record());
        assertTrue(v.problems().get(0).contains("no provenance record"));
        Files.writeString(Provenance.sidecar(plain), "{not json");
        IOException e = assertThrows(IOException.class, () -> Provenance.read(plain));
        assertTrue(e.getMessage().contains("plain.txt.provenance.json"), e.getMessage());
        assertThrows(IOException.class, () -> Provenance.verify(Files.writeString(dir.resolve("fake.png"), "not a png")));
    }

    @Test
    void savingAgainReplacesTheRecordRatherThanAddingOne(@TempDir Path dir) throws IOException {
        Path file = record(Files.writeString(dir.resolve("m.zip"), "w")).save(dir.resolve("grid.png"), image());
        byte[] first = Files.readAllBytes(file);
        byte[] twice = new PngCarrier().embed(first, "{\"work\":\"x\"}");
        assertEquals("{\"work\":\"x\"}", new PngCarrier().read(twice).orElseThrow());
        assertArrayEquals(new PngCarrier().embed(first, "{}"), new PngCarrier().embed(twice, "{}"));
    }
}
