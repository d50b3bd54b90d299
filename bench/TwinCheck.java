import creativeai.image.Dcgan;
import creativeai.image.GanTraining;
import creativeai.image.MlpGan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What bench/twin_check.py needs to check that a GAN of ours and its PyTorch twin in bench/models.py compute the
 * same thing from the same weights: the networks' first weights, the generator's images and the discriminator's
 * verdicts for fixed inputs, and the gradients of one step of {@link GanTraining#STANDARD} for both networks
 * (averaged over the batch, as PyTorch's are). A benchmark compares like with like only if this holds; the
 * check found the DCGAN's missing LeakyReLU (DL4J's batch norm ignores an activation given to it). Arguments:
 * mlp|dcgan folder, the folder holding real.npy (64 rows of 784 pixels) and noise.npy (2 × 64 × 64); writes
 * .npy files beside them.
 */
public class TwinCheck {
    public static void main(String[] args) throws IOException {
        boolean convolutional = args[0].equals("dcgan");
        File folder = new File(args[1]);
        MultiLayerNetwork generator = convolutional ? Dcgan.generator(64, 32, 42) : MlpGan.generator(64, 42);
        MultiLayerNetwork discriminator = convolutional ? Dcgan.discriminator(32, 43) : MlpGan.discriminator(43);
        INDArray real = Nd4j.createFromNpyFile(new File(folder, "real.npy"));
        INDArray noise = Nd4j.createFromNpyFile(new File(folder, "noise.npy"));
        INDArray first = noise.get(NDArrayIndex.point(0)).dup(), second = noise.get(NDArrayIndex.point(1)).dup();
        int batch = (int) real.rows();
        save(folder, "weights-G", generator.paramTable());
        save(folder, "weights-D", discriminator.paramTable());

        INDArray fakes = generator.output(first, false).reshape(batch, -1);
        save(folder, "fakes", fakes);
        save(folder, "verdicts", discriminator.output(real, false));
        INDArray labels = Nd4j.vstack(Nd4j.valueArrayOf(new long[] {batch, 1}, 0.9f), Nd4j.zeros(batch, 1));
        var discriminatorGradient = discriminator.calculateGradients(Nd4j.vstack(real, fakes), labels, null, null).getFirst();
        save(folder, "gradient-D", divided(discriminatorGradient.gradientForVariable(), 2 * batch));
        generator.setInput(second);
        List<INDArray> activations = generator.feedForward(true, false);
        INDArray drawn = activations.get(activations.size() - 1);
        INDArray towardsReal = discriminator.calculateGradients(drawn.reshape(batch, -1), Nd4j.ones(batch, 1), null, null).getSecond();
        var generatorGradient = generator.backpropGradient(towardsReal.reshape(drawn.shape()), LayerWorkspaceMgr.noWorkspaces()).getFirst();
        save(folder, "gradient-G", divided(generatorGradient.gradientForVariable(), batch));
    }

    private static Map<String, INDArray> divided(Map<String, INDArray> gradients, int by) {
        gradients.replaceAll((name, gradient) -> gradient.div(by));
        return gradients;
    }

    private static void save(File folder, String prefix, Map<String, INDArray> arrays) throws IOException {
        for (var entry : arrays.entrySet()) save(folder, prefix + "-" + entry.getKey(), entry.getValue());
    }

    private static void save(File folder, String name, INDArray array) throws IOException {
        Nd4j.writeAsNumpy(array.castTo(DataType.FLOAT).dup(), new File(folder, name + ".npy"));
    }
}
