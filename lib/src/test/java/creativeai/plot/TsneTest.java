package creativeai.plot;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneTest {
    @Test
    void twoDistantClustersStaySeparateOnThePlane() {
        Random random = new Random(1);
        double[][] points = new double[60][10];
        for (int i = 0; i < points.length; i++) {
            for (int d = 0; d < 10; d++) points[i][d] = random.nextGaussian() + (i < 30 ? 0 : 20);
        }
        double[][] plane = new Tsne(10, 300, 7).embed(points);
        for (int i = 0; i < 60; i++) {
            int nearest = -1;
            double best = Double.MAX_VALUE;
            for (int j = 0; j < 60; j++) {
                double d = Math.hypot(plane[i][0] - plane[j][0], plane[i][1] - plane[j][1]);
                if (j != i && d < best) {
                    best = d;
                    nearest = j;
                }
            }
            assertTrue((i < 30) == (nearest < 30), "point " + i + "'s nearest neighbour on the plane is in the other cluster");
        }
        double[] a = centre(plane, 0), b = centre(plane, 30);
        double gap = Math.hypot(a[0] - b[0], a[1] - b[1]), spread = 0;
        for (int i = 0; i < 60; i++) spread = Math.max(spread, Math.hypot(plane[i][0] - (i < 30 ? a : b)[0], plane[i][1] - (i < 30 ? a : b)[1]));
        assertTrue(gap > spread, "centres " + gap + " apart, but a point lies " + spread + " from its centre");
    }

    private static double[] centre(double[][] plane, int from) {
        double x = 0, y = 0;
        for (int i = from; i < from + 30; i++) {
            x += plane[i][0] / 30;
            y += plane[i][1] / 30;
        }
        return new double[] {x, y};
    }

    @Test
    void tooFewPointsForThePerplexityIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> new Tsne(30, 100, 1).embed(new double[20][3]));
    }
}
