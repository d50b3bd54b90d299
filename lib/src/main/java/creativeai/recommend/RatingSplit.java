package creativeai.recommend;

import java.util.ArrayList;
import java.util.List;

/**
 * Ratings split the way a recommender meets the future: for every user, their latest ratings (a share of them, at
 * least one) are the test set, and everything they rated before is the training set. A model is scored on what each
 * user did next, never on ratings older than the ones it learned from.
 */
public record RatingSplit(Ratings train, Ratings test) {

    /** Each user's latest {@code testShare} of ratings (0.2 = the latest fifth, at least one) go to the test set. */
    public static RatingSplit latestPerUser(Ratings ratings, double testShare) {
        if (!(testShare > 0 && testShare < 1)) throw new IllegalArgumentException("the test share must be between 0 and 1, not " + testShare);
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int[] positions : ratings.positionsByUser()) {
            if (positions.length == 0) continue;
            int testCount = positions.length < 2 ? 0 : Math.max(1, (int) Math.round(positions.length * testShare));
            for (int j = 0; j < positions.length; j++) (j < positions.length - testCount ? train : test).add(positions[j]);
        }
        return new RatingSplit(ratings.select(train.stream().mapToInt(Integer::intValue).toArray()),
                ratings.select(test.stream().mapToInt(Integer::intValue).toArray()));
    }
}
