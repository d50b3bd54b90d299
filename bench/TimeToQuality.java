import creativeai.image.DigitClassifier;
import creativeai.image.Judge;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * models their settings ({@link Settings}): the chapter's as bench/chapters.py prints them, then any tried instead.
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
        Settings settings = Settings.of(Arrays.copyOfRange(args, 3, args.length));
        Nd4j.getRandom().setSeed(42);
        Run run = switch (model) {
            case "char-lstm" -> tokens(ChapterData.sonnets(), settings, v -> NextTokenModel.of(TokenLstm.network(v, settings.applied(TokenLstm.options()))));
            case "melody-lstm" -> tokens(ChapterData.melodies(), settings, v -> NextTokenModel.of(TokenLstm.network(v, settings.applied(TokenLstm.options()))));
            case "transformer" -> tokens(ChapterData.sonnets(), settings, v -> Transformer.model(v, settings.applied(Transformer.options())));
            case "mlp-gan" -> gan(new GanTraining(MlpGan.generator(64, 42), MlpGan.discriminator(42)));
            case "dcgan" -> gan(new GanTraining(Dcgan.generator(64, 32, 42), Dcgan.discriminator(32, 42)));
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
     * A language model's settings as {@code key=value} words: its chapter's, which bench/run reads from the chapter's
     * notebook (bench/chapters.py), then any tried instead ({@code bench/run tune}); a later word wins. The batch
     * size, the window (an LSTM's training window, the Transformer's context), the learning rate, the width (an
     * LSTM's units per layer, the Transformer's d), the number of layers (or blocks), the Transformer's heads and an
     * LSTM's truncated BPTT length.
     */
    record Settings(Map<String, String> given) {
        private static final List<String> KNOWN = List.of("batch", "window", "lr", "width", "layers", "heads", "tbptt");

        static Settings of(String... words) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String word : words) {
                String[] pair = word.split("=", 2);
                if (pair.length != 2 || !KNOWN.contains(pair[0])) {
                    throw new IllegalArgumentException("batch=N, window=N, lr=X, width=N, layers=N, heads=N or tbptt=N, not " + word);
                }
                given.put(pair[0], pair[1]);
            }
            return new Settings(given);
        }

        int number(String name) {
            return Integer.parseInt(value(name));
        }

        double rate() {
            return Double.parseDouble(value("lr"));
        }

        private String value(String name) {
            String value = given.get(name);
            if (value == null) throw new IllegalArgumentException(name + "= is missing: bench/run passes each chapter's settings (bench/chapters.py)");
            return value;
        }

        /** An LSTM's options with the settings given. */
        TokenLstm.Options applied(TokenLstm.Options options) {
            if (given.containsKey("heads")) throw new IllegalArgumentException("an LSTM has no heads: heads is for the Transformer");
            options.hidden(number("width")).layers(number("layers")).tbptt(number("tbptt"));
            return options.learningRate(rate());
        }

        /** The Transformer's options with the settings given. */
        Transformer.Options applied(Transformer.Options options) {
            if (given.containsKey("tbptt")) throw new IllegalArgumentException("the Transformer sees whole windows: tbptt is for the LSTMs");
            options.context(number("window")).width(number("width")).heads(number("heads")).layers(number("layers"));
            return options.learningRate(rate());
        }
    }

    /**
     * A next-token model as chapters 2, 3 and 6 train it: shuffled windows in batches (32 in the chapters; the LSTMs
     * with truncated BPTT, the Transformer on whole windows of its context); {@code build} makes it for the corpus's
     * vocabulary size.
     */
    static Run tokens(ChapterData.Tokens corpus, Settings settings, IntFunction<NextTokenModel> build) {
        int window = settings.number("window"), batch = settings.number("batch");
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
        Judge judge = DigitClassifier.standard().against(ChapterData.testDigits());
        INDArray judged = gan.noise(1_000);
        return images(gan, digits, () -> judge.frechetDistance(gan.draw(judged)));
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
