import creativeai.image.DigitClassifier;
import creativeai.image.GanTraining;
import creativeai.image.GraphVae;
import creativeai.image.ImageModel;
import creativeai.image.MlpGan;
import creativeai.image.Dcgan;
import creativeai.image.DenseVae;
import creativeai.recommend.Factorisation;
import creativeai.recommend.RatingBatches;
import creativeai.recommend.RatingSplit;
import creativeai.sequence.BitsPerToken;
import creativeai.sequence.NextTokenModel;
import creativeai.sequence.TokenLstm;
import creativeai.sequence.TokenWindows;
import creativeai.sequence.Transformer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

/**
 * A chapter's model trained on the chapter's data for a budget of training seconds, its quality measured by the
 * chapter's own measure at the start and after every tenth of the budget (the clock stops while it is measured):
 * held-out bits per token for the LSTMs and the Transformer (chapters 2, 3 and 6), the Fréchet distance of 1,000
 * drawn digits to 1,000 test digits in the course classifier's features for the GANs (chapter 4), the held-out
 * negative ELBO for the VAE (chapter 5), the test RMSE for the matrix factorisation (chapter 7).
 * bench/time_to_quality.py does the same in PyTorch. Writes {@code seconds,quality} lines to a CSV.
 * Arguments: char-lstm|melody-lstm|transformer|mlp-gan|dcgan|vae|recommend seconds out.csv, then for the language
 * models optional settings to try instead of the chapter's ({@code bench/run tune}): {@code batch=64 lr=5e-3 width=384 layers=1 tbptt=25}.
 */
public class TimeToQuality {
    /** What is trained: one step at a time, and measured between steps. */
    interface Run {
        void step(Random random);

        double quality();
    }

    public static void main(String[] args) throws IOException {
        String model = args[0];
        double budget = Double.parseDouble(args[1]);
        Tuning tuning = Tuning.of(Arrays.copyOfRange(args, 3, args.length));
        Nd4j.getRandom().setSeed(42);
        Run run = switch (model) {
            case "char-lstm" -> tokens(ChapterData.sonnets(), 100, tuning.batch(), v -> NextTokenModel.of(TokenLstm.network(v,
                    tuning.applied(TokenLstm.options()))));
            case "melody-lstm" -> tokens(ChapterData.melodies(), 128, tuning.batch(), v -> NextTokenModel.of(TokenLstm.network(v,
                    tuning.applied(TokenLstm.options().hidden(256).layers(1).tbptt(64).learningRate(3e-3)))));
            case "transformer" -> tokens(ChapterData.sonnets(), 64, tuning.batch(), v -> Transformer.model(v, tuning.applied(Transformer.options())));
            case "mlp-gan" -> gan(new GanTraining(MlpGan.generator(64, 42), MlpGan.discriminator(42), 64));
            case "dcgan" -> gan(new GanTraining(Dcgan.generator(64, 32, 42), Dcgan.discriminator(32, 42), 64));
            case "vae" -> vae(new GraphVae(DenseVae.graph(16, DenseVae.options().seed(1))));
            case "recommend" -> ratings();
            default -> throw new IllegalArgumentException("char-lstm, melody-lstm, transformer, mlp-gan, dcgan, vae or recommend, not " + model);
        };
        Random random = new Random(42);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
            out.println("seconds,quality");
            double trained = 0;
            for (int mark = 0; mark <= 10; mark++) {
                double until = budget * mark / 10;
                long start = System.nanoTime();
                while (trained + (System.nanoTime() - start) / 1e9 < until) run.step(random);
                trained += (System.nanoTime() - start) / 1e9;
                out.printf("%.1f,%.4f%n", trained, run.quality());
                out.flush();
            }
        }
    }

    /**
     * Settings tried instead of a chapter's: the batch size; the learning rate, the width (an LSTM's units per
     * layer, the Transformer's d), the number of layers (or blocks) and an LSTM's truncated BPTT length where given,
     * else the chapter's.
     */
    record Tuning(int batch, OptionalDouble learningRate, OptionalInt width, OptionalInt layers, OptionalInt tbptt) {
        static Tuning of(String... settings) {
            int batch = 32;
            OptionalDouble rate = OptionalDouble.empty();
            OptionalInt width = OptionalInt.empty(), layers = OptionalInt.empty(), tbptt = OptionalInt.empty();
            for (String setting : settings) {
                String[] pair = setting.split("=", 2);
                switch (pair[0]) {
                    case "batch" -> batch = Integer.parseInt(pair[1]);
                    case "lr" -> rate = OptionalDouble.of(Double.parseDouble(pair[1]));
                    case "width" -> width = OptionalInt.of(Integer.parseInt(pair[1]));
                    case "layers" -> layers = OptionalInt.of(Integer.parseInt(pair[1]));
                    case "tbptt" -> tbptt = OptionalInt.of(Integer.parseInt(pair[1]));
                    default -> throw new IllegalArgumentException("batch=N, lr=X, width=N, layers=N or tbptt=N, not " + setting);
                }
            }
            return new Tuning(batch, rate, width, layers, tbptt);
        }

        /** A chapter's LSTM options with the width, layers, learning rate and truncated BPTT length tried instead, where given. */
        TokenLstm.Options applied(TokenLstm.Options chapters) {
            width.ifPresent(chapters::hidden);
            layers.ifPresent(chapters::layers);
            tbptt.ifPresent(chapters::tbptt);
            learningRate.ifPresent(chapters::learningRate);
            return chapters;
        }

        /** Chapter 6's Transformer options with the width, blocks and learning rate tried instead, where given. */
        Transformer.Options applied(Transformer.Options chapters) {
            if (tbptt.isPresent()) throw new IllegalArgumentException("the Transformer sees whole windows: tbptt is for the LSTMs");
            width.ifPresent(chapters::width);
            layers.ifPresent(chapters::layers);
            learningRate.ifPresent(chapters::learningRate);
            return chapters;
        }
    }

    /**
     * A next-token model as chapters 2, 3 and 6 train it: shuffled windows in batches (32 in the chapters; the LSTMs
     * with truncated BPTT, the Transformer on whole windows of its context); {@code build} makes it for the corpus's
     * vocabulary size.
     */
    static Run tokens(ChapterData.Tokens corpus, int window, int batch, IntFunction<NextTokenModel> build) {
        NextTokenModel model = build.apply(corpus.vocabulary());
        TokenWindows training = new TokenWindows(corpus.training(), corpus.vocabulary(), window);
        TokenWindows heldOut = new TokenWindows(corpus.heldOut(), corpus.vocabulary(), window).first(200);
        return new Run() {
            private Iterator<DataSet> epoch = training.epoch(batch, new Random(42));

            @Override
            public void step(Random random) {
                if (!epoch.hasNext()) epoch = training.epoch(batch, random);
                DataSet batch = epoch.next();
                model.learn(batch);
                batch.getFeatures().close();
                batch.getLabels().close();
            }

            @Override
            public double quality() {
                return BitsPerToken.of(model, heldOut, 32);
            }
        };
    }

    /** A GAN as chapter 4 trains it (pixels in [-1, 1], batches of 64 from random places), judged by Fréchet distance. */
    static Run gan(GanTraining gan) {
        INDArray digits = ChapterData.trainingDigits().muli(2).subi(1);
        DigitClassifier judge = DigitClassifier.standard();
        INDArray realFeatures = judge.features(ChapterData.testDigits());
        INDArray judged = gan.noise(1_000);
        return images(gan, digits, () -> judge.score(gan.draw(judged), realFeatures).frechetDistance());
    }

    /** Chapter 5's dense VAE (pixels in [0, 1]), judged by its negative ELBO on 1,000 test digits (nats per image). */
    static Run vae(GraphVae vae) {
        INDArray test = ChapterData.testDigits();
        return images(vae, ChapterData.trainingDigits(), () -> {
            double[] terms = vae.lossTerms(test);
            return terms[0] + terms[1];
        });
    }

    /** Chapter 7's matrix factorisation (k = 32, batches of 1,024 ratings), judged by its RMSE on the test split. */
    static Run ratings() {
        RatingSplit split = RecommendBench.split();
        Factorisation model = RecommendBench.model(split, 32, 42);
        RatingBatches batches = new RatingBatches(split.train(), 1024, model.offset(), 42);
        return new Run() {
            @Override
            public void step(Random random) {
                if (!batches.hasNext()) batches.reset();
                model.network().fit(batches.next());
            }

            @Override
            public double quality() {
                return model.rmse(split.test());
            }
        };
    }

    private static Run images(ImageModel model, INDArray digits, DoubleSupplier quality) {
        return new Run() {
            @Override
            public void step(Random random) {
                int from = random.nextInt((int) digits.rows() - 64 + 1);
                model.learn(digits.get(NDArrayIndex.interval(from, from + 64), NDArrayIndex.all()));
            }

            @Override
            public double quality() {
                return quality.getAsDouble();
            }
        };
    }
}
