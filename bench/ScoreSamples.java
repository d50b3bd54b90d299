import creativeai.image.DigitClassifier;
import creativeai.image.Judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the Fréchet distance in a time-to-quality CSV the PyTorch twin wrote for a GAN, whose quality column names
 * the files of drawn digits (next to the CSV): the same judge and the same 1,000 test digits as TimeToQuality.java
 * uses for ours. Rewrites the CSV in place and deletes the sample files. Argument: the CSV.
 */
public class ScoreSamples {
    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        Judge judge = DigitClassifier.standard().against(ChapterData.testDigits());
        List<String> written = Files.readAllLines(csv), lines = new ArrayList<>(List.of(written.get(0)));
        for (String line : written.subList(1, written.size())) {
            String[] fields = line.split(",");
            Path samples = csv.resolveSibling(fields[1]);
            double frechet = judge.frechetDistance(ChapterData.readImages(samples));
            lines.add(fields[0] + "," + String.format("%.4f", frechet));
            Files.delete(samples);
        }
        Files.write(csv, lines);
    }
}
