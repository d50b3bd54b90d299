import creativeai.plot.Charts;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One time-to-quality chart: quality against training seconds on this machine, one line per implementation, from
 * the CSVs TimeToQuality.java and bench/time_to_quality.py wrote. An untrained GAN's Fréchet distance is 30 times
 * a trained one's: the quality axis stops a little above the highest value after the start, and each line's name
 * gives its untrained value. Arguments: title, quality axis label, out.png, then pairs of a line's name and its CSV.
 */
public class QualityChart {
    public static void main(String[] args) throws IOException {
        XYChart chart = Charts.lines(args[0], "training seconds (2 cores)", args[1]);
        double highestTrained = 0;
        for (int i = 3; i + 1 < args.length; i += 2) {
            List<String> rows = Files.readAllLines(Path.of(args[i + 1]));
            rows = rows.subList(1, rows.size());
            double[] seconds = rows.stream().mapToDouble(r -> Double.parseDouble(r.split(",")[0])).toArray();
            double[] quality = rows.stream().mapToDouble(r -> Double.parseDouble(r.split(",")[1])).toArray();
            chart.addSeries(String.format("%s (untrained: %.3g)", args[i], quality[0]), seconds, quality);
            highestTrained = Math.max(highestTrained, Arrays.stream(quality, 1, quality.length).max().orElse(0));
        }
        chart.getStyler().setYAxisMax(highestTrained * 1.15);
        BitmapEncoder.saveBitmap(chart, args[2], BitmapEncoder.BitmapFormat.PNG);
    }
}
