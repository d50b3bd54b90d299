package creativeai.originality;

import creativeai.data.HeldOut;
import creativeai.data.Corpora;
import creativeai.data.Mnist;
import creativeai.music.Melodies;
import creativeai.music.MelodyStats;
import creativeai.music.Note;
import creativeai.music.Tune;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyDetectorsTest {
    @Test
    void theNearestTrainingRowIsTheOneABruteForceSearchFinds() {
        Nd4j.getRandom().setSeed(3);
        INDArray training = Nd4j.rand(600, 50);
        INDArray queries = Nd4j.rand(300, 50);
        var found = new NearestImages(training).find(queries);
        for (int q = 0; q < 300; q += 37) {
            double best = Double.MAX_VALUE;
            int at = -1;
            for (int t = 0; t < 600; t++) {
                double d = queries.getRow(q).distance2(training.getRow(t));
                if (d < best) { best = d; at = t; }
            }
            assertEquals(at, found.index()[q]);
            assertEquals(best, found.distance()[q], 1e-4);
        }
        assertThrows(IllegalArgumentException.class, () -> new NearestImages(training).find(Nd4j.rand(2, 49)));
    }

    @Test
    void aPlantedTrainingDigitIsFlaggedAndHeldOutDigitsAreNot() {
        INDArray training = Mnist.load(Mnist.Split.TRAIN).first(10_000, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        INDArray test = Mnist.load(Mnist.Split.TEST).first(600, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        var nearest = new NearestImages(training);
        var line = CopyThreshold.forDistances(nearest.find(test.get(NDArrayIndex.interval(0, 500), NDArrayIndex.all())).distance(), 0.99);

        INDArray planted = training.get(NDArrayIndex.indices(17, 4242, 9999), NDArrayIndex.all());
        var copies = nearest.find(planted);
        assertArrayEquals(new int[] {17, 4242, 9999}, copies.index());
        assertEquals(3, line.copies(copies.distance()));

        var others = nearest.find(test.get(NDArrayIndex.interval(500, 600), NDArrayIndex.all()));
        assertTrue(line.copies(others.distance()) <= 5, "held-out digits flagged: " + line.copies(others.distance()));
    }

    @Test
    void aCopiedSonnetPassageIsFlaggedAndAHeldOutOneIsNot() {
        var sonnets = HeldOut.lastTenth(Corpora.sonnetText());
        var copies = new LongestCopy(List.of(sonnets.training().chars().toArray()), 6);
        String heldOut = sonnets.heldOut();
        int[] heldOutRuns = IntStream.range(0, heldOut.length() / 200 - 1)
                .map(i -> copies.find(heldOut.substring(i * 200, i * 200 + 200).chars().toArray()).length()).toArray();
        var line = CopyThreshold.forLengths(heldOutRuns, 0.99);
        assertTrue(line.line() > 6 && line.line() < 40, "chance runs in English verse: " + line.line());

        String planted = "My own words, then " + sonnets.training().substring(5_000, 5_060) + " and mine again.";
        assertTrue(line.isCopy(copies.find(planted.chars().toArray()).length()));
        String lastPiece = heldOut.substring(heldOut.length() - 200);
        assertFalse(line.isCopy(copies.find(lastPiece.chars().toArray()).length()));
    }

    @Test
    void aCopiedRunOfATrainingTuneIsFlaggedAndHeldOutTunesAreNot() {
        var split = HeldOut.everyTenth(Melodies.oneills().tunes());
        List<Tune> training = split.training();
        List<Tune> heldOut = split.heldOut().stream().filter(t -> t.notes().size() >= 40).toList();
        var copies = new LongestCopy(training.stream().map(t -> MelodyStats.codes(t.toCommonKey().notes())).toList(), 4);
        heldOut = heldOut.stream().filter(t -> copies.find(MelodyStats.codes(t.toCommonKey().notes())).length() < 24).toList(); // not printed twice
        int[] runs = heldOut.stream().skip(20).mapToInt(t -> copies.find(MelodyStats.codes(t.toCommonKey().notes().subList(0, 30))).length()).toArray();
        var line = CopyThreshold.forLengths(runs, 0.99);
        assertTrue(line.line() >= 4 && line.line() < 30, "chance runs in folk tunes: " + line.line());

        List<Note> planted = training.get(500).toCommonKey().notes().subList(5, 35);
        var match = copies.find(MelodyStats.codes(planted));
        assertTrue(line.isCopy(match.length()), "planted: " + match.length());
        long flagged = heldOut.stream().limit(20).filter(t -> line.isCopy(copies.find(MelodyStats.codes(t.toCommonKey().notes().subList(0, 30))).length())).count();
        assertTrue(flagged <= 2, flagged + " of 20 held-out tunes flagged");
    }

    @Test
    void quantilesInterpolateAndTheLinePointsTheRightWay() {
        double[] values = {4, 1, 3, 2, 5};
        assertEquals(3, CopyThreshold.quantile(values, 0.5), 1e-12);
        assertEquals(4.6, CopyThreshold.quantile(values, 0.9), 1e-12);
        assertTrue(CopyThreshold.forDistances(values, 0.99).isCopy(1.0));
        assertFalse(CopyThreshold.forDistances(values, 0.99).isCopy(1.1));
        assertTrue(CopyThreshold.forLengths(values, 0.99).isCopy(5));
        assertFalse(CopyThreshold.forLengths(values, 0.99).isCopy(4.9));
        assertEquals(Arrays.toString(values), Arrays.toString(new double[] {4, 1, 3, 2, 5}), "the caller's array is not sorted in place");
        assertThrows(IllegalArgumentException.class, () -> CopyThreshold.forLengths(new double[0], 0.99));
    }
}
