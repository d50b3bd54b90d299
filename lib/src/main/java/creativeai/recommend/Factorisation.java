package creativeai.recommend;

import creativeai.training.ModelOptions;
import creativeai.data.AtomicFiles;
import creativeai.data.ZipParts;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A rating model that a notebook builds as a DL4J graph: inputs user and film numbers (see {@link RatingBatches}),
 * embedding layers named {@code userVector}, {@code filmVector}, {@code userBias} and {@code filmBias}, one output,
 * the predicted stars minus {@link #offset()} (the mean rating of the training set). This class scores, ranks,
 * saves and loads such a graph; the layers, the loss and the training loop are the notebook's.
 */
public final class Factorisation {
    private static final List<String> LAYERS = List.of("userVector", "filmVector", "userBias", "filmBias");
    private static final int CHUNK = 16_384;
    private final ComputationGraph network;
    private final double offset;

    public Factorisation(ComputationGraph network, double offset) {
        List<String> missing = LAYERS.stream().filter(name -> network.getLayer(name) == null).toList();
        if (!missing.isEmpty()) throw new IllegalArgumentException("the rating network lacks the layers " + missing);
        if (network.getNumInputArrays() != 2) throw new IllegalArgumentException("the rating network needs two inputs, user and film");
        this.network = network;
        this.offset = offset;
    }

    /**
     * The sizes and training settings of a {@link #network}, named, with chapter 7's values as defaults:
     * {@code Factorisation.options().size(8)}.
     */
    public static final class Options extends ModelOptions<Options> {
        private int size = 32;
        private double l2 = 3e-4;

        private Options() {
            super(0.01);
        }

        /** Numbers in each user's and film's vector, k (default 32). */
        public Options size(int k) {
            if (k < 1) throw new IllegalArgumentException("the vectors need at least 1 number, not " + k);
            size = k;
            return this;
        }

        /** Weight decay λ on every embedding (default 3e-4). */
        public Options l2(double lambda) {
            if (!(lambda >= 0)) throw new IllegalArgumentException("weight decay must be 0 or positive, not " + lambda);
            l2 = lambda;
            return this;
        }
    }

    /** Chapter 7's settings, to change by name. */
    public static Options options() {
        return new Options();
    }

    /**
     * The network chapter 7 builds in its notebook (which checks that it equals this one), for the tests and the
     * benchmark: embeddings of {@code size} for users and films, their dot product (an element-wise product summed
     * by a dense layer frozen at 1), a bias embedding each, mean squared error, weight decay {@code l2}, Adam.
     */
    public static ComputationGraph network(int users, int films, Options options) {
        int size = options.size;
        double l2 = options.l2;
        var graph = new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .updater(new Adam(options.learningRate()))
                .weightInit(new NormalDistribution(0, 0.1))
                .graphBuilder()
                .addInputs("user", "film")
                .addLayer("userVector", new EmbeddingLayer.Builder().nIn(users).nOut(size).hasBias(false).l2(l2).build(), "user")
                .addLayer("filmVector", new EmbeddingLayer.Builder().nIn(films).nOut(size).hasBias(false).l2(l2).build(), "film")
                .addLayer("userBias", new EmbeddingLayer.Builder().nIn(users).nOut(1).hasBias(false).weightInit(WeightInit.ZERO).l2(l2).build(), "user")
                .addLayer("filmBias", new EmbeddingLayer.Builder().nIn(films).nOut(1).hasBias(false).weightInit(WeightInit.ZERO).l2(l2).build(), "film")
                .addVertex("product", new ElementWiseVertex(ElementWiseVertex.Op.Product), "userVector", "filmVector")
                .addLayer("dot", new FrozenLayerWithBackprop(new DenseLayer.Builder().nIn(size).nOut(1).hasBias(false)
                        .weightInit(WeightInit.ONES).activation(Activation.IDENTITY).build()), "product")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "dot", "userBias", "filmBias")
                .addLayer("stars", new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "sum")
                .setOutputs("stars")
                .build();
        ComputationGraph net = new ComputationGraph(graph);
        net.init();
        return net;
    }

    public ComputationGraph network() {
        return network;
    }

    /** What the network's output is added to: the training set's mean rating. */
    public double offset() {
        return offset;
    }

    /** The predicted stars for each rating's user and film (the stars themselves are not read). */
    public double[] predict(Ratings ratings) {
        INDArray[] inputs = RatingBatches.inputs(ratings);
        double[] predicted = new double[ratings.size()];
        for (int start = 0; start < predicted.length; start += CHUNK) {
            int end = Math.min(predicted.length, start + CHUNK);
            INDArray[] chunk = {rows(inputs[0], start, end), rows(inputs[1], start, end)};
            double[] out = network.output(chunk)[0].reshape(-1).toDoubleVector();
            for (int j = 0; j < out.length; j++) predicted[start + j] = out[j] + offset;
        }
        return predicted;
    }

    /** Root mean squared error of the predicted stars, √(mean of (predicted − actual)²). */
    public double rmse(Ratings ratings) {
        double[] predicted = predict(ratings);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) sum += Math.pow(predicted[i] - ratings.stars(i), 2);
        return Math.sqrt(sum / predicted.length);
    }

    /** The predicted stars of every film for one user (indexed by film number). */
    public double[] scores(int user) {
        int films = (int) filmVectors().rows();
        if (user < 0 || user >= network.getLayer("userVector").getParam("W").rows()) {
            throw new IllegalArgumentException("no user number " + user);
        }
        INDArray users = Nd4j.valueArrayOf(new long[] {films, 1}, (float) user);
        INDArray all = Nd4j.arange(films).castTo(users.dataType()).reshape(films, 1);
        return network.output(users, all)[0].reshape(-1).addi(offset).toDoubleVector();
    }

    /** One row per film: the film vectors the model learned. */
    public INDArray filmVectors() {
        return network.getLayer("filmVector").getParam("W");
    }

    public INDArray userVectors() {
        return network.getLayer("userVector").getParam("W");
    }

    public double[] filmBiases() {
        return network.getLayer("filmBias").getParam("W").reshape(-1).toDoubleVector();
    }

    public double[] userBiases() {
        return network.getLayer("userBias").getParam("W").reshape(-1).toDoubleVector();
    }

    /**
     * Predicted stars of every film for someone the model has never seen, from a few ratings (film number → stars):
     * their vector and bias are fitted to those ratings with the film vectors held fixed (ridge regression,
     * "folding in"): [u; b] = (AᵀA + λI)⁻¹ Aᵀ(r − μ − b_film), where the rows of A are the rated films' vectors with a
     * 1 appended. With no ratings there is nothing to fit: every film gets μ + b_film, which ranks films by how
     * well they are rated on average.
     */
    public double[] scoresForNewUser(Map<Integer, Double> starsByFilm, double lambda) {
        INDArray vectors = filmVectors();
        double[] filmBias = filmBiases();
        int films = (int) vectors.rows(), k = (int) vectors.columns();
        double[] scores = new double[films];
        Arrays.setAll(scores, f -> offset + filmBias[f]);
        if (starsByFilm.isEmpty()) return scores;
        int[] rated = starsByFilm.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int f : rated) {
            if (f < 0 || f >= films) throw new IllegalArgumentException("no film number " + f);
            double stars = starsByFilm.get(f);
            if (!(stars >= 0.5 && stars <= 5)) throw new IllegalArgumentException("a rating of " + stars + " stars is outside 0.5 to 5");
        }
        INDArray a = Nd4j.hstack(vectors.getRows(rated), Nd4j.ones(vectors.dataType(), rated.length, 1)).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        INDArray residual = Nd4j.create(IntStream.range(0, rated.length).mapToDouble(j -> starsByFilm.get(rated[j]) - offset - filmBias[rated[j]]).toArray(), rated.length, 1);
        INDArray gram = a.transpose().mmul(a).addi(Nd4j.eye(k + 1).muli(lambda));
        INDArray solution = org.nd4j.linalg.inverse.InvertMatrix.invert(gram, false).mmul(a.transpose().mmul(residual));
        INDArray fitted = vectors.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).mmul(solution.get(NDArrayIndex.interval(0, k), NDArrayIndex.all()));
        double userBias = solution.getDouble(k, 0);
        for (int f = 0; f < films; f++) scores[f] += fitted.getDouble(f, 0) + userBias;
        return scores;
    }

    /**
     * The {@code n} films to recommend to someone new, from their ratings (film number → stars), none of which are
     * recommended back. With no ratings, the most rated films ({@code timesRated}): the usual answer to a cold start.
     */
    public int[] recommendForNewUser(Map<Integer, Double> starsByFilm, int n, int[] timesRated, double lambda) {
        Set<Integer> seen = new HashSet<>(starsByFilm.keySet());
        if (starsByFilm.isEmpty()) return TopN.best(Arrays.stream(timesRated).asDoubleStream().toArray(), seen, n);
        return TopN.best(scoresForNewUser(starsByFilm, lambda), seen, n);
    }

    /** Saves the network and its offset to {@code file}, atomically (an interrupted save leaves the old file); returns the file. */
    public Path save(Path file) throws IOException {
        return AtomicFiles.write(file, partial -> {
            ModelSerializer.writeModel(network, partial.toFile(), true);
            ModelSerializer.addObjectToFile(partial.toFile(), "offset", offset);
        });
    }

    /** A model saved by {@link #save}; a missing or unreadable file gets the course's message that says what to do. */
    public static Factorisation load(Path file) throws IOException {
        ZipParts.requireFile(file);
        try {
            ComputationGraph network = ModelSerializer.restoreComputationGraph(file.toFile(), true);
            Double offset = ModelSerializer.getObjectFromFile(file.toFile(), "offset");
            return new Factorisation(network, offset);
        } catch (RuntimeException | IOException e) {
            throw ZipParts.unreadable(file, e);
        }
    }

    private static INDArray rows(INDArray column, int start, int end) {
        return column.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }
}
