package creativeai.plot;

import java.util.Random;

/**
 * t-SNE (van der Maaten and Hinton, 2008): places high-dimensional points (word vectors, image features) on a
 * plane so that near neighbours stay near. This is the exact algorithm, for up to a few thousand points: it
 * compares every pair. Written by hand because DL4J 1.0.0-M2.1 no longer ships its Barnes-Hut t-SNE.
 */
public final class Tsne {
    private final double perplexity;
    private final int iterations;
    private final long seed;

    /** Perplexity is roughly how many neighbours each point cares about (5–50; 30 is usual). */
    public Tsne(double perplexity, int iterations, long seed) {
        if (perplexity < 2) throw new IllegalArgumentException("perplexity should be at least 2, not " + perplexity);
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.seed = seed;
    }

    /** Rows of {@code points} are the points; the result has one (x, y) row per point. */
    public double[][] embed(double[][] points) {
        int n = points.length;
        if (n <= 3 * perplexity) {
            throw new IllegalArgumentException(n + " points are too few for perplexity " + perplexity + ": use more points or a perplexity below " + n / 3);
        }
        double[][] p = affinities(points);
        Random random = new Random(seed);
        double[][] y = new double[n][2], velocity = new double[n][2], gains = new double[n][2];
        for (int i = 0; i < n; i++) {
            y[i][0] = random.nextGaussian() * 1e-4;
            y[i][1] = random.nextGaussian() * 1e-4;
            gains[i][0] = gains[i][1] = 1;
        }
        double learningRate = Math.max(n / 12.0 / 4, 50); // scikit-learn's "auto" rate: larger steps diverge on small sets
        double[][] num = new double[n][n];
        for (int it = 0; it < iterations; it++) {
            double exaggeration = it < 100 ? 12 : 1;
            double momentum = it < 250 ? 0.5 : 0.8;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = y[i][0] - y[j][0], dy = y[i][1] - y[j][1];
                    num[i][j] = num[j][i] = 1 / (1 + dx * dx + dy * dy);
                    sum += 2 * num[i][j];
                }
            }
            for (int i = 0; i < n; i++) {
                double gx = 0, gy = 0;
                for (int j = 0; j < n; j++) {
                    if (i == j) continue;
                    double force = (exaggeration * p[i][j] - num[i][j] / sum) * num[i][j];
                    gx += 4 * force * (y[i][0] - y[j][0]);
                    gy += 4 * force * (y[i][1] - y[j][1]);
                }
                step(gains[i], velocity[i], 0, gx, momentum, learningRate);
                step(gains[i], velocity[i], 1, gy, momentum, learningRate);
            }
            for (int i = 0; i < n; i++) {
                y[i][0] += velocity[i][0];
                y[i][1] += velocity[i][1];
            }
        }
        return y;
    }

    /** Gradient descent with momentum and per-coordinate gains, as in the original t-SNE code. */
    private static void step(double[] gains, double[] velocity, int d, double gradient, double momentum, double learningRate) {
        gains[d] = Math.signum(gradient) != Math.signum(velocity[d]) ? gains[d] + 0.2 : Math.max(0.01, gains[d] * 0.8);
        velocity[d] = momentum * velocity[d] - learningRate * gains[d] * gradient;
    }

    /** Symmetric neighbour probabilities: each point's Gaussian width is searched to match the perplexity. */
    private double[][] affinities(double[][] x) {
        int n = x.length;
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < x[i].length; k++) s += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                distance[i][j] = distance[j][i] = s;
            }
        }
        double target = Math.log(perplexity);
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            double low = 0, high = Double.POSITIVE_INFINITY, beta = 1;
            for (int tries = 0; tries < 60; tries++) {
                double sum = 0, weighted = 0;
                for (int j = 0; j < n; j++) {
                    p[i][j] = i == j ? 0 : Math.exp(-distance[i][j] * beta);
                    sum += p[i][j];
                    weighted += distance[i][j] * p[i][j];
                }
                sum = Math.max(sum, 1e-300);
                double entropy = Math.log(sum) + beta * weighted / sum;
                for (int j = 0; j < n; j++) p[i][j] /= sum;
                if (Math.abs(entropy - target) < 1e-5) break;
                if (entropy > target) {
                    low = beta;
                    beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
                } else {
                    high = beta;
                    beta = (beta + low) / 2;
                }
            }
        }
        double[][] symmetric = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) symmetric[i][j] = Math.max((p[i][j] + p[j][i]) / (2 * n), 1e-12);
        }
        return symmetric;
    }
}
