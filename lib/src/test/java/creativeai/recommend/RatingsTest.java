package creativeai.recommend;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingsTest {
    /** Two users, three films: user 7 rated films 10, 20, 30 (in that order), user 9 rated 20 then 30. */
    static Ratings tiny() {
        return Ratings.of(Table.create("tiny",
                IntColumn.create("userId", 7, 7, 9, 7, 9),
                IntColumn.create("movieId", 10, 20, 20, 30, 30),
                DoubleColumn.create("rating", 4, 3.5, 5, 2, 4.5),
                LongColumn.create("timestamp", 100, 200, 150, 300, 50),
                StringColumn.create("title", "Alpha", "Beta", "Beta", "Gamma", "Gamma"),
                IntColumn.create("year", 1990, 1991, 1991, 1992, 1992),
                StringColumn.create("genres", "Drama|Comedy", "Drama", "Drama", "(no genres listed)", "(no genres listed)")));
    }

    @Test
    void numbersUsersAndFilmsInOrderOfFirstAppearanceAndNamesUnknownIds() {
        Ratings ratings = tiny();
        Catalogue catalogue = ratings.catalogue();
        assertEquals(2, catalogue.users());
        assertEquals(3, catalogue.films());
        assertEquals(1, catalogue.user(9));
        assertEquals(2, catalogue.film(30));
        assertEquals("Beta (1991)", catalogue.label(1));
        assertEquals(List.of("Drama", "Comedy"), catalogue.genres(0));
        assertEquals(List.of(), catalogue.genres(2));
        assertEquals(1, catalogue.film("be", ratings.ratingsPerFilm()));
        assertEquals(0, catalogue.film("alpha", new int[] {1, 5, 5}));   // an exact title wins over more ratings
        assertEquals(2, catalogue.film("", new int[] {1, 2, 3}));        // else the most rated match
        assertTrue(assertThrows(IllegalArgumentException.class, () -> catalogue.user(8)).getMessage().contains("no user with id 8"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> catalogue.film(99)).getMessage().contains("movieId 99"));
        assertThrows(IllegalArgumentException.class, () -> catalogue.film("Zeta", ratings.ratingsPerFilm()));
        assertArrayEquals(new int[] {1, 2, 2}, ratings.ratingsPerFilm());
        assertEquals(3.8, ratings.meanStars(), 1e-6);
    }

    @Test
    void starsOutsideTheScaleAreAClearError() {
        Table bad = Table.create("bad", IntColumn.create("userId", new int[] {1}), IntColumn.create("movieId", new int[] {1}), DoubleColumn.create("rating", new double[] {6}),
                LongColumn.create("timestamp", new long[] {1}), StringColumn.create("title", "x"), IntColumn.create("year", new int[] {2000}), StringColumn.create("genres", "Drama"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ratings.of(bad)).getMessage().contains("6.0 stars"));
    }

    @Test
    void theTestSetHoldsEachUsersLatestRatings() {
        RatingSplit split = RatingSplit.latestPerUser(tiny(), 0.34);
        // user 7: 3 ratings → the latest (film 30, t=300) is tested; user 9: 2 ratings → the latest (film 20, t=150)
        assertEquals(3, split.train().size());
        assertEquals(2, split.test().size());
        assertEquals(Set.of(2), split.test().filmsByUser(0).get(0));
        assertEquals(Set.of(1), split.test().filmsByUser(0).get(1));
        assertEquals(Set.of(0, 1), split.train().filmsByUser(0).get(0));
        assertEquals(Set.of(1), split.test().filmsByUser(4.5).get(1));
        assertEquals(Set.of(), split.test().filmsByUser(4.5).get(0));
        assertThrows(IllegalArgumentException.class, () -> RatingSplit.latestPerUser(tiny(), 1));
    }

    @Test
    void batchesCoverEveryRatingOncePerEpochWithTheOffsetTakenOff() {
        Ratings ratings = tiny();
        RatingBatches batches = new RatingBatches(ratings, 2, 3.0, 1);
        assertEquals(3, batches.batchesPerEpoch());
        double labelSum = 0;
        int seen = 0;
        while (batches.hasNext()) {
            var batch = batches.next();
            seen += batch.getFeatures(0).rows();
            labelSum += batch.getLabels(0).sumNumber().doubleValue();
        }
        assertEquals(5, seen);
        assertEquals(19 - 5 * 3.0, labelSum, 1e-5);
        batches.reset();
        assertTrue(batches.hasNext());
    }

    @Test
    void metricsOnAHandMadeExample() {
        Catalogue catalogue = tiny().catalogue();
        int[] rank = TopN.popularityRank(new int[] {1, 2, 2});
        assertArrayEquals(new int[] {3, 1, 1}, rank);
        // user 0 liked film 2 and got [2, 1]: precision 1/2, recall 1/1; user 1 liked films 0 and 1 and got [2]: 0 and 0
        ListQuality quality = ListQuality.of(List.of(new int[] {2, 1}, new int[] {2}), List.of(Set.of(2), Set.of(0, 1)), rank, catalogue);
        assertEquals(0.25, quality.precision(), 1e-12);
        assertEquals(0.5, quality.recall(), 1e-12);
        assertEquals(2 / 3.0, quality.coverage(), 1e-12);
        assertEquals(1.0, quality.novelty(), 1e-12);
        // [2, 1]: Gamma (no genres) vs Beta (Drama) share nothing → 1; [2] alone → 0
        assertEquals(0.5, quality.diversity(), 1e-12);
        assertEquals(0.5, ListQuality.genreDistance(0, 1, catalogue), 1e-12);   // {Drama, Comedy} vs {Drama}
    }

    @Test
    void topListsLeaveOutWhatTheUserHasSeen() {
        assertArrayEquals(new int[] {2, 0}, TopN.best(new double[] {0.5, 0.9, 0.7}, Set.of(1), 2));
        assertArrayEquals(new int[] {1, 2}, TopN.mostPopular(new int[] {1, 2, 2}, Set.of(), 2));
        int[] random = TopN.random(3, Set.of(0), 5, new java.util.Random(1));
        assertEquals(Set.of(1, 2), Set.of(random[0], random[1]));
        assertEquals(2, random.length);
        assertThrows(IllegalArgumentException.class, () -> TopN.best(new double[] {1}, Set.of(), 0));
    }
}
