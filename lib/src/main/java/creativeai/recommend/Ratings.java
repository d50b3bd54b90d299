package creativeai.recommend;

import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Ratings as arrays a model reads: for each rating, the user's and the film's number in the {@link Catalogue}, the
 * stars and the time. {@link #of(Table)} builds them from MovieLens's table; {@link #select} and
 * {@link RatingSplit} give subsets that keep the same numbering, so a model trained on one scores the other.
 */
public final class Ratings {
    private final Catalogue catalogue;
    private final int[] users;
    private final int[] films;
    private final float[] stars;
    private final long[] times;

    Ratings(Catalogue catalogue, int[] users, int[] films, float[] stars, long[] times) {
        this.catalogue = catalogue;
        this.users = users;
        this.films = films;
        this.stars = stars;
        this.times = times;
    }

    /** From a table with columns userId, movieId, rating, timestamp, title, year, genres ("Comedy|Romance"). */
    public static Ratings of(Table table) {
        int n = table.rowCount();
        if (n == 0) throw new IllegalArgumentException("the ratings table is empty");
        int[] userIds = table.intColumn("userId").asIntArray();
        int[] movieIds = table.intColumn("movieId").asIntArray();
        double[] rating = table.doubleColumn("rating").asDoubleArray();
        long[] timestamps = table.longColumn("timestamp").asLongArray();
        Map<Integer, Integer> userIndex = new LinkedHashMap<>();
        Map<Integer, Integer> filmIndex = new LinkedHashMap<>();
        List<String> titles = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<List<String>> genres = new ArrayList<>();
        int[] users = new int[n], films = new int[n];
        float[] stars = new float[n];
        for (int i = 0; i < n; i++) {
            users[i] = userIndex.computeIfAbsent(userIds[i], id -> userIndex.size());
            int row = i;
            films[i] = filmIndex.computeIfAbsent(movieIds[i], id -> {
                titles.add(table.stringColumn("title").get(row));
                years.add(table.intColumn("year").get(row));
                String g = table.stringColumn("genres").get(row);
                genres.add(g.isBlank() || g.equals("(no genres listed)") ? List.of() : List.of(g.split("\\|")));
                return filmIndex.size();
            });
            if (!(rating[i] >= 0.5 && rating[i] <= 5)) {
                throw new IllegalArgumentException("row " + i + ": a rating of " + rating[i] + " stars is outside 0.5 to 5");
            }
            stars[i] = (float) rating[i];
        }
        Catalogue catalogue = new Catalogue(userIndex.keySet().stream().mapToInt(Integer::intValue).toArray(),
                filmIndex.keySet().stream().mapToInt(Integer::intValue).toArray(), titles.toArray(String[]::new),
                years.stream().mapToInt(y -> y == null ? 0 : y).toArray(), genres);
        return new Ratings(catalogue, users, films, stars, timestamps);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public int size() {
        return users.length;
    }

    public int user(int i) {
        return users[i];
    }

    public int film(int i) {
        return films[i];
    }

    public float stars(int i) {
        return stars[i];
    }

    /** The ratings at the given positions, in that order. */
    public Ratings select(int[] rows) {
        return new Ratings(catalogue, pick(users, rows), pick(films, rows),
                pickFloats(stars, rows), Arrays.stream(rows).mapToLong(i -> times[i]).toArray());
    }

    public double meanStars() {
        double sum = 0;
        for (float s : stars) sum += s;
        return sum / size();
    }

    /** How many ratings each film has here (indexed by film number). */
    public int[] ratingsPerFilm() {
        return counts(films, catalogue.films());
    }

    /** How many ratings each user gave here (indexed by user number). */
    public int[] ratingsPerUser() {
        return counts(users, catalogue.users());
    }

    private static int[] counts(int[] numbers, int distinct) {
        int[] counts = new int[distinct];
        for (int n : numbers) counts[n]++;
        return counts;
    }

    /** For each user, the films they rated here; with {@code minStars}, only those they gave at least that many stars. */
    public List<Set<Integer>> filmsByUser(double minStars) {
        List<Set<Integer>> byUser = new ArrayList<>();
        for (int u = 0; u < catalogue.users(); u++) byUser.add(new HashSet<>());
        for (int i = 0; i < size(); i++) if (stars[i] >= minStars) byUser.get(users[i]).add(films[i]);
        return byUser;
    }

    /** The positions of each user's ratings, oldest first. */
    List<int[]> positionsByUser() {
        List<List<Integer>> byUser = new ArrayList<>();
        for (int u = 0; u < catalogue.users(); u++) byUser.add(new ArrayList<>());
        IntStream.range(0, size()).boxed().sorted((a, b) -> Long.compare(times[a], times[b])).forEach(i -> byUser.get(users[i]).add(i));
        return byUser.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static int[] pick(int[] values, int[] rows) {
        return Arrays.stream(rows).map(i -> values[i]).toArray();
    }

    private static float[] pickFloats(float[] values, int[] rows) {
        float[] picked = new float[rows.length];
        for (int j = 0; j < rows.length; j++) picked[j] = values[rows[j]];
        return picked;
    }
}
