import creativeai.data.MovieLens;
import creativeai.recommend.Factorisation;
import creativeai.recommend.RatingBatches;
import creativeai.recommend.RatingSplit;
import creativeai.recommend.Ratings;

/**
 * Speed of chapter 7's matrix factorisation ({@code Factorisation.network}, which 07-recommend.ipynb checks its own
 * graph against: user and film embeddings of size k, their dot product plus two biases, MSE with weight decay 3e-4,
 * Adam 0.01) on MovieLens's training split, in training ratings per second, with the test RMSE it reaches and
 * peak RSS. bench/recommend_bench.py is the same in PyTorch. Arguments: size batch epochs.
 */
public class RecommendBench {
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]), batch = Integer.parseInt(args[1]), epochs = Integer.parseInt(args[2]);
        RatingSplit split = split();
        Factorisation model = model(split, size, 1);
        RatingBatches batches = new RatingBatches(split.train(), batch, model.offset(), 1);
        model.network().fit(batches.next());   // warm-up: the first step builds the workspaces
        Profiling.start();
        long start = System.nanoTime();
        model.network().fit(batches, epochs);
        double seconds = (System.nanoTime() - start) / 1e9;
        Profiling.stop();
        double rss = PeakMemory.mb();
        System.out.printf("{\"impl\": \"DL4J\", \"ratings_per_s\": %.1f, \"test_rmse\": %.4f, \"peak_rss_mb\": %.0f}%n",
                (double) epochs * split.train().size() / seconds, model.rmse(split.test()), rss);
    }

    /** MovieLens split as chapter 7 splits it: each user's latest fifth of ratings is the test set. */
    static RatingSplit split() {
        return RatingSplit.latestPerUser(Ratings.of(MovieLens.ratings()), 0.2);
    }

    /** Chapter 7's factorisation for the split's training ratings, around their mean: weight decay 3e-4, Adam 0.01. */
    static Factorisation model(RatingSplit split, int size, long seed) {
        var catalogue = split.train().catalogue();
        return new Factorisation(Factorisation.network(catalogue.users(), catalogue.films(), Factorisation.options().size(size).l2(3e-4).learningRate(0.01).seed(seed)), split.train().meanStars());
    }
}
