package creativeai.recommend;

import creativeai.data.MovieLens;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactorisationTest {
    private static RatingSplit split;
    private static double mean;

    @BeforeAll
    static void data() {
        split = RatingSplit.latestPerUser(Ratings.of(MovieLens.ratings()), 0.2);
        mean = split.train().meanStars();
    }

    static ComputationGraph network(int users, int films, int size, double l2, long seed) {
        return Factorisation.network(users, films, Factorisation.options().size(size).l2(l2).learningRate(0.01).seed(seed));
    }

    /** Regularised biases, b_film = Σ(r − μ)/(λ + n_film), then b_user from what is left. */
    static double biasBaselineRmse(double lambda) {
        Ratings train = split.train(), test = split.test();
        double[] film = new double[train.catalogue().films()], user = new double[train.catalogue().users()];
        for (int i = 0; i < train.size(); i++) film[train.film(i)] += train.stars(i) - mean;
        int[] perFilm = train.ratingsPerFilm(), perUser = train.ratingsPerUser();
        for (int f = 0; f < film.length; f++) film[f] /= lambda + perFilm[f];
        for (int i = 0; i < train.size(); i++) user[train.user(i)] += train.stars(i) - mean - film[train.film(i)];
        for (int u = 0; u < user.length; u++) user[u] /= lambda + perUser[u];
        double sum = 0;
        for (int i = 0; i < test.size(); i++) sum += Math.pow(mean + film[test.film(i)] + user[test.user(i)] - test.stars(i), 2);
        return Math.sqrt(sum / test.size());
    }

    @Tag("slow")
    @Test
    void factorisationBeatsTheBiasBaselineAndAnUntrainedModelDoesNot(@TempDir Path folder) throws Exception {
        Catalogue catalogue = split.train().catalogue();
        Factorisation untrained = new Factorisation(network(catalogue.users(), catalogue.films(), 32, 3e-4, 2), mean);
        Factorisation model = new Factorisation(network(catalogue.users(), catalogue.films(), 32, 3e-4, 1), mean);
        model.network().fit(new RatingBatches(split.train(), 1024, mean, 1), 6);
        double baseline = biasBaselineRmse(5), trained = model.rmse(split.test());
        assertTrue(trained < baseline - 0.005, "trained " + trained + " vs biases " + baseline);
        assertTrue(untrained.rmse(split.test()) > baseline + 0.05, "untrained " + untrained.rmse(split.test()));
        assertEquals(0.0, model.network().getLayer("dot").getParam("W").sub(1).norm1Number().doubleValue(), 0, "the sum layer stays frozen");

        Ratings firstUser = split.test().select(java.util.stream.IntStream.range(0, split.test().size()).filter(i -> split.test().user(i) == 0).toArray());
        double[] scores = model.scores(0), predicted = model.predict(firstUser);
        for (int i = 0; i < firstUser.size(); i++) assertEquals(predicted[i], scores[firstUser.film(i)], 1e-4);

        Path file = folder.resolve("mf.zip");
        model.save(file);
        Factorisation loaded = Factorisation.load(file);
        assertArrayEquals(predicted, loaded.predict(firstUser), 1e-6);
        assertEquals(mean, loaded.offset(), 1e-12);
        assertThrows(java.io.IOException.class, () -> Factorisation.load(folder.resolve("none.zip")));

        // a new user: no ratings → the most rated films; a few → films like the ones they loved
        int[] timesRated = split.train().ratingsPerFilm();
        assertArrayEquals(TopN.mostPopular(timesRated, Set.of(), 5), model.recommendForNewUser(Map.of(), 5, timesRated, 1));
        int star = TopN.mostPopular(timesRated, Set.of(), 1)[0];
        int[] folded = model.recommendForNewUser(Map.of(star, 5.0), 5, timesRated, 1);
        assertTrue(java.util.Arrays.stream(folded).noneMatch(f -> f == star), "a rated film is not recommended back");
        assertThrows(IllegalArgumentException.class, () -> model.scoresForNewUser(Map.of(catalogue.films(), 4.0), 1));
        assertThrows(IllegalArgumentException.class, () -> model.scoresForNewUser(Map.of(0, 9.0), 1));
        assertThrows(IllegalArgumentException.class, () -> model.scores(catalogue.users()));
    }

    @Tag("slow")
    @Test
    void foldingInFitsTheNewUsersRatings() {
        Catalogue catalogue = split.train().catalogue();
        Factorisation model = new Factorisation(network(catalogue.users(), catalogue.films(), 8, 3e-4, 3), mean);
        model.network().fit(new RatingBatches(split.train(), 1024, mean, 1), 2);
        // a user who loves three films and hates three: the fitted scores keep that order
        int[] popular = TopN.mostPopular(split.train().ratingsPerFilm(), Set.of(), 6);
        Map<Integer, Double> taste = Map.of(popular[0], 5.0, popular[1], 5.0, popular[2], 5.0, popular[3], 1.0, popular[4], 1.0, popular[5], 1.0);
        double[] scores = model.scoresForNewUser(taste, 0.1);
        double loved = (scores[popular[0]] + scores[popular[1]] + scores[popular[2]]) / 3, hated = (scores[popular[3]] + scores[popular[4]] + scores[popular[5]]) / 3;
        assertTrue(loved > hated + 1, "loved " + loved + " hated " + hated);
    }
}
