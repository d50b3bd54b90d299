import creativeai.data.HeldOut;
import creativeai.data.Corpora;
import creativeai.data.Mnist;
import creativeai.music.Melodies;
import creativeai.music.MelodyEncoding;
import creativeai.music.Tune;
import creativeai.text.CharVocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The chapters' training and held-out data, split as the notebooks split it, for the time-to-quality runs; and
 * {@code export}, which writes them as raw little-endian arrays (int32 tokens, float32 pixels in [0, 1]) for the
 * PyTorch twin (bench/time_to_quality.py), so both learn from and are judged on the same data. Argument: a folder.
 */
public class ChapterData {
    /** A token corpus split in two, and its vocabulary size. */
    record Tokens(int[] training, int[] heldOut, int vocabulary) {
    }

    /** Chapter 2: the sonnets, character by character; the last tenth held out. */
    static Tokens sonnets() {
        String text = Corpora.sonnetText();
        CharVocabulary vocabulary = CharVocabulary.of(text);
        var split = HeldOut.lastTenth(text);
        return new Tokens(vocabulary.encode(split.training()), vocabulary.encode(split.heldOut()), vocabulary.size());
    }

    /** Chapter 3: O'Neill's tunes as melody tokens; every tenth tune held out, 1,800 of the rest learnt from. */
    static Tokens melodies() {
        var split = HeldOut.everyTenth(Melodies.oneills().tunes());
        List<Tune> training = new ArrayList<>(split.training());
        Collections.shuffle(training, new Random(42));
        return new Tokens(MelodyEncoding.corpus(training.subList(0, Math.min(1800, training.size()))),
                MelodyEncoding.corpus(split.heldOut()), MelodyEncoding.vocabularySize());
    }

    /** Chapters 4, 5 and 10: MNIST's 60,000 training digits, pixels in [0, 1], with their labels. */
    static DataSet trainingSet() {
        return Mnist.load(Mnist.Split.TRAIN).first(60_000, Mnist.Scale.ZERO_TO_ONE);
    }

    /** The training digits' pixels alone. */
    static INDArray trainingDigits() {
        return trainingSet().getFeatures();
    }

    /** The first 1,000 test digits: the images generated ones are compared with, and the VAE's held-out set. */
    static INDArray testDigits() {
        return Mnist.load(Mnist.Split.TEST).first(1_000, Mnist.Scale.ZERO_TO_ONE).getFeatures();
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        for (var corpus : Map.of("sonnets", sonnets(), "melodies", melodies()).entrySet()) {
            String name = corpus.getKey();
            Tokens tokens = corpus.getValue();
            writeInts(folder.resolve(name + "-training.i32"), tokens.training());
            writeInts(folder.resolve(name + "-held-out.i32"), tokens.heldOut());
            Files.writeString(folder.resolve(name + "-vocabulary.txt"), Integer.toString(tokens.vocabulary()));
        }
        DataSet training = trainingSet();
        writeFloats(folder.resolve("digits-training.f32"), training.getFeatures());
        writeInts(folder.resolve("digits-training-labels.i32"), training.getLabels().argMax(1).toIntVector());
        writeFloats(folder.resolve("digits-test.f32"), testDigits());
    }

    private static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        Files.write(file, bytes.array());
    }

    private static void writeFloats(Path file, INDArray values) throws IOException {
        float[] floats = values.dup('c').data().asFloat();
        ByteBuffer bytes = ByteBuffer.allocate(floats.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(floats);
        Files.write(file, bytes.array());
    }

    /** Raw float32 images written by the PyTorch twin: {@code rows} × 784, pixels in [0, 1]. */
    static INDArray readImages(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] floats = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(floats);
        return org.nd4j.linalg.factory.Nd4j.create(floats, new long[] {floats.length / 784, 784}, 'c');
    }
}
