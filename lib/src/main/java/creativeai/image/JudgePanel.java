package creativeai.image;

import creativeai.data.Mnist;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Two judges of generated images that see differently: the convolutional one the chapters rely on and the MLP one
 * as a second opinion, each with the same real images to compare with. A verdict ("this model draws better digits
 * than that one") holds when both judges agree; {@link #disagreements} names those that flip with the judge.
 */
public final class JudgePanel {
    private final Judge convolutional;
    private final Judge dense;

    private JudgePanel(Judge convolutional, Judge dense) {
        this.convolutional = convolutional;
        this.dense = dense;
    }

    /** Both judges of {@code dataset}, comparing with {@code realImages} (pixels in [0, 1], one per row). */
    public static JudgePanel forDataset(Mnist.Dataset dataset, INDArray realImages) {
        return new JudgePanel(DigitClassifier.forDataset(dataset, DigitClassifier.Kind.CONVOLUTIONAL).against(realImages),
                DigitClassifier.forDataset(dataset, DigitClassifier.Kind.DENSE).against(realImages));
    }

    public Judge convolutional() {
        return convolutional;
    }

    public Judge dense() {
        return dense;
    }

    /** Both judges' scores of one batch of images. */
    public record Verdict(Judge.Scores convolutional, Judge.Scores dense) {
    }

    public Verdict score(INDArray images) {
        return new Verdict(convolutional.score(images), dense.score(images));
    }

    /**
     * One row per batch of images: the convolutional judge's Fréchet distance, kernel distance (KID, ×1,000),
     * precision, recall, confidence and classes covered, and the MLP judge's Fréchet distance beside them.
     */
    public static Table table(String title, Map<String, Verdict> rows) {
        Table table = Table.create(title, StringColumn.create("images"), DoubleColumn.create("Fréchet (conv.)"),
                DoubleColumn.create("KID ×1000 (conv.)"), DoubleColumn.create("precision"), DoubleColumn.create("recall"),
                DoubleColumn.create("confidence"), IntColumn.create("classes covered"), DoubleColumn.create("Fréchet (MLP)"));
        rows.forEach((name, verdict) -> {
            Judge.Scores c = verdict.convolutional();
            table.stringColumn(0).append(name);
            table.doubleColumn(1).append(c.frechetDistance());
            table.doubleColumn(2).append(1000 * c.kernelDistance());
            table.doubleColumn(3).append(c.precision());
            table.doubleColumn(4).append(c.recall());
            table.doubleColumn(5).append(c.meanConfidence());
            table.intColumn(6).append(c.classesCovered());
            table.doubleColumn(7).append(verdict.dense().frechetDistance());
        });
        return table;
    }

    /**
     * The pairs of rows whose order by Fréchet distance flips between the two judges, as sentences ("the
     * convolutional judge puts A ahead of B (12.0 against 15.3), the MLP judge the other way (9.1 against 7.4)");
     * empty when the judges rank every pair alike.
     */
    public static List<String> disagreements(Map<String, Verdict> rows) {
        List<String> names = new ArrayList<>(rows.keySet());
        ToDoubleFunction<String> conv = name -> rows.get(name).convolutional().frechetDistance();
        ToDoubleFunction<String> mlp = name -> rows.get(name).dense().frechetDistance();
        names.sort(Comparator.comparingDouble(conv));
        List<String> flips = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String better = names.get(i), worse = names.get(j);
                if (mlp.applyAsDouble(better) > mlp.applyAsDouble(worse) && conv.applyAsDouble(better) < conv.applyAsDouble(worse)) {
                    flips.add(String.format("the convolutional judge puts %s ahead of %s (%.1f against %.1f), the MLP judge the other way (%.1f against %.1f)",
                            better, worse, conv.applyAsDouble(better), conv.applyAsDouble(worse), mlp.applyAsDouble(better), mlp.applyAsDouble(worse)));
                }
            }
        }
        return flips;
    }

    /** What a chapter prints under its table: that the judges agree, or the first {@code shown} pairs they flip. */
    public static String disagreementReport(Map<String, Verdict> rows, int shown) {
        List<String> flips = disagreements(rows);
        if (flips.isEmpty()) return "The two judges put the rows in the same order by Fréchet distance: every verdict holds under both.";
        int pairs = rows.size() * (rows.size() - 1) / 2;
        return "The judges disagree on " + flips.size() + " of " + pairs + " pairs of rows: " + String.join("; ", flips.subList(0, Math.min(shown, flips.size())))
                + (flips.size() > shown ? "; and " + (flips.size() - shown) + " more." : ".");
    }
}
