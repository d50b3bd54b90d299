package creativeai.image;

import creativeai.data.ZipParts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * How far an {@link ImageTrainer} run has come: rounds done, seconds of training steps, each round's mean losses
 * and, if judged, Fréchet distance. It is saved inside the model's checkpoint (a small text part beside the
 * networks), so a run resumes where it stopped: {@code trainer.resume(ImageTrainingProgress.of(file))}.
 */
public record ImageTrainingProgress(int rounds, double seconds, List<double[]> losses, List<Double> frechetByRound) {
    /** The part of a checkpoint that holds it. */
    public static final String PART = "image-training.properties";

    public ImageTrainingProgress {
        if (rounds < 0 || !(seconds >= 0)) throw new IllegalArgumentException("rounds and seconds cannot be negative: " + rounds + ", " + seconds);
        losses = List.copyOf(losses);
        frechetByRound = List.copyOf(frechetByRound);
    }

    /** Nothing trained yet. */
    public static ImageTrainingProgress none() {
        return new ImageTrainingProgress(0, 0, List.of(), List.of());
    }

    /** The progress saved in {@code checkpoint}, or none when it has no such part (a model saved by itself, or no file). */
    public static ImageTrainingProgress of(Path checkpoint) throws IOException {
        if (!checkpoint.toFile().isFile()) return none();
        ZipParts.Parts parts = ZipParts.read(checkpoint);
        return parts.has(PART) ? parts.get(PART, ImageTrainingProgress::read) : none();
    }

    void writeTo(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("rounds", String.valueOf(rounds));
        p.setProperty("seconds", String.valueOf(seconds));
        p.setProperty("losses", losses.stream().map(l -> Arrays.stream(l).mapToObj(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";")));
        p.setProperty("frechet", frechetByRound.stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "an image model's training so far");
    }

    private static ImageTrainingProgress read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        List<double[]> losses = new ArrayList<>();
        for (String round : p.getProperty("losses", "").split(";")) {
            if (!round.isEmpty()) losses.add(Arrays.stream(round.split(",")).mapToDouble(Double::parseDouble).toArray());
        }
        List<Double> frechet = Arrays.stream(p.getProperty("frechet", "").split(",")).filter(s -> !s.isEmpty()).map(Double::valueOf).toList();
        return new ImageTrainingProgress(Integer.parseInt(p.getProperty("rounds", "0")), Double.parseDouble(p.getProperty("seconds", "0")), losses, frechet);
    }
}
