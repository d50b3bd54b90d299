package creativeai.image;

import creativeai.backend.Graphs;
import creativeai.data.Mnist;
import creativeai.data.ZipParts;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VAE that a notebook writes as a SameDiff graph, as {@link ImageTrainer} trains it. The notebook builds the
 * encoder, the reparameterisation, the decoder and the ELBO; this class runs the graph by the names of its parts:
 * placeholders {@code x} (images, one per row, pixels in [0, 1]), {@code eps} (the ε of z = μ + σ·ε) and
 * {@code zIn} (latent points to draw from); variables {@code mean} (μ), {@code reconstruction} and {@code kl}
 * (the two terms of the negative ELBO, nats per image, averaged over the batch) and {@code drawn} (pixel
 * probabilities decoded from {@code zIn}). The graph's loss and training configuration are the notebook's too.
 */
public final class GraphVae implements ImageModel {
    /** Rows drawn or encoded at once: a convolutional graph's working arrays for thousands of images take gigabytes. */
    private static final int GROUP = 500;
    private static final List<String> PARTS = List.of("x", "eps", "zIn", "mean", "reconstruction", "kl", "drawn");
    private final SameDiff graph;
    private final int latent;
    private final double[] lastTerms = new double[2];
    private final Listener termsOfEachStep = Graphs.duringTraining(List.of("reconstruction", "kl"),
            (name, value) -> lastTerms[name.equals("reconstruction") ? 0 : 1] = value.getDouble(0));

    /** Wraps a graph that has every named part (see above) and a training configuration. */
    public GraphVae(SameDiff graph) {
        Graphs.requireParts(graph, PARTS, "the VAE graph");
        this.graph = graph;
        this.latent = (int) graph.getVariable("eps").getShape()[1];
        Graphs.withGradients(graph);
    }

    /** A VAE saved by {@link #save}, e.g. {@code load(Course.checkpoint("vae-16d"))}. */
    public static GraphVae load(Path file) throws IOException {
        return new GraphVae(Graphs.load(file));
    }

    public SameDiff graph() {
        return graph;
    }

    public int latentSize() {
        return latent;
    }

    @Override
    public String lossUnit() {
        return "nats per image";
    }

    @Override
    public String[] lossNames() {
        return new String[] {"reconstruction", "KL divergence"};
    }

    /** One step of the graph's updater on a batch; returns the batch's reconstruction and KL terms. */
    @Override
    public double[] learn(INDArray batch) {
        Mnist.requireRows(batch, "the VAE");
        INDArray eps = Nd4j.randn(DataType.FLOAT, batch.rows(), latent);
        graph.fit(new MultiDataSet(new INDArray[] {batch.castTo(DataType.FLOAT), eps}, new INDArray[0]), termsOfEachStep);
        eps.close();
        return lastTerms.clone();
    }

    /**
     * Fails, naming them, if a step on {@code batch} leaves any of the graph's parameters where it was (see
     * {@link Graphs#requireEveryParameterLearns}); the graph itself is not trained.
     */
    public Graphs.LearningCheck requireEveryParameterLearns(INDArray batch) {
        Mnist.requireRows(batch, "the VAE");
        INDArray eps = Nd4j.randn(DataType.FLOAT, batch.rows(), latent);
        return Graphs.requireEveryParameterLearns(graph, new MultiDataSet(new INDArray[] {batch.castTo(DataType.FLOAT), eps}, new INDArray[0]));
    }

    /** The two terms of the negative ELBO on {@code images} (nats per image): reconstruction and KL. */
    public double[] lossTerms(INDArray images) {
        Mnist.requireRows(images, "the VAE");
        double reconstruction = 0, kl = 0;
        for (INDArray chunk : chunks(images)) {
            INDArray eps = Nd4j.randn(DataType.FLOAT, chunk.rows(), latent);
            Map<String, INDArray> out = graph.output(Map.of("x", chunk.castTo(DataType.FLOAT), "eps", eps), "reconstruction", "kl");
            reconstruction += out.get("reconstruction").getDouble(0) * chunk.rows();
            kl += out.get("kl").getDouble(0) * chunk.rows();
            eps.close();
        }
        return new double[] {reconstruction / images.rows(), kl / images.rows()};
    }

    /** The centre μ of each image's cloud in latent space, one row per image. */
    public INDArray encode(INDArray images) {
        Mnist.requireRows(images, "the VAE");
        return RowGroups.apply(images, GROUP, chunk -> {
            INDArray eps = Nd4j.zeros(DataType.FLOAT, chunk.rows(), latent);
            INDArray mean = graph.output(Map.of("x", chunk.castTo(DataType.FLOAT), "eps", eps), "mean").get("mean").dup();
            eps.close(); // the graph's outputs are its own (it hands the same arrays out again): ours are copies
            return mean;
        });
    }

    @Override
    public INDArray draw(INDArray latentPoints) {
        if (latentPoints.rank() != 2 || latentPoints.columns() != latent) {
            throw new IllegalArgumentException("latent points must be rows of " + latent + " numbers, not " + java.util.Arrays.toString(latentPoints.shape()));
        }
        return RowGroups.apply(latentPoints, GROUP,
                chunk -> graph.output(Map.of("zIn", chunk.castTo(DataType.FLOAT)), "drawn").get("drawn").reshape(chunk.rows(), Mnist.PIXELS).dup());
    }

    @Override
    public INDArray noise(int count) {
        return Nd4j.randn(DataType.FLOAT, count, latent);
    }

    @Override
    public Path save(Path file, Map<String, ZipParts.Part> beside) throws IOException {
        return Graphs.save(graph, file, beside);
    }

    /** Rows in groups of {@link #GROUP}, for a pass that sums over them. */
    private static List<INDArray> chunks(INDArray rows) {
        List<INDArray> chunks = new ArrayList<>();
        for (long from = 0; from < rows.rows(); from += GROUP) {
            chunks.add(rows.get(NDArrayIndex.interval(from, Math.min(rows.rows(), from + GROUP)), NDArrayIndex.all()));
        }
        return chunks;
    }
}
