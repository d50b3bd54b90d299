package creativeai.recommend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Who rates and what is rated: users and films numbered 0, 1, 2, ... (the rows of a model's embedding tables),
 * with the ids the data set gives them, and each film's title, year and genres. Unknown ids and titles are a
 * clear error, never a silent miss.
 */
public final class Catalogue {
    private final int[] userIds;
    private final int[] filmIds;
    private final String[] titles;
    private final int[] years;
    private final List<List<String>> genres;
    private final Map<Integer, Integer> userIndex = new HashMap<>();
    private final Map<Integer, Integer> filmIndex = new HashMap<>();

    Catalogue(int[] userIds, int[] filmIds, String[] titles, int[] years, List<List<String>> genres) {
        this.userIds = userIds;
        this.filmIds = filmIds;
        this.titles = titles;
        this.years = years;
        this.genres = genres;
        for (int u = 0; u < userIds.length; u++) userIndex.put(userIds[u], u);
        for (int f = 0; f < filmIds.length; f++) filmIndex.put(filmIds[f], f);
    }

    public int users() {
        return userIds.length;
    }

    public int films() {
        return filmIds.length;
    }

    /** The number of a user, from the data set's {@code userId}. */
    public int user(int userId) {
        Integer u = userIndex.get(userId);
        if (u == null) {
            throw new IllegalArgumentException("no user with id " + userId + " (ids run from " + Arrays.stream(userIds).min().orElse(0)
                    + " to " + Arrays.stream(userIds).max().orElse(0) + ")");
        }
        return u;
    }

    /** The number of a film, from the data set's {@code movieId}. */
    public int film(int movieId) {
        Integer f = filmIndex.get(movieId);
        if (f == null) throw new IllegalArgumentException("no film with movieId " + movieId + " in the ratings");
        return f;
    }

    /**
     * The number of the film titled {@code title} (ignoring case), else of the film whose title starts with it; the
     * most rated one when several match, given how often each film was rated: {@code film("Toy Story", counts)}.
     */
    public int film(String title, int[] timesRated) {
        return find(title, timesRated).orElseThrow(() -> new IllegalArgumentException("no film whose title starts with \"" + title + "\""));
    }

    /** The film {@link #film(String, int[])} would choose, or empty when no title starts with {@code title}. */
    public OptionalInt find(String title, int[] timesRated) {
        String wanted = title.strip().toLowerCase(Locale.ROOT);
        Comparator<Integer> exactFirstThenMostRated = Comparator.comparing((Integer f) -> titles[f].equalsIgnoreCase(wanted))
                .thenComparingInt(f -> timesRated[f]);
        return IntStream.range(0, films()).filter(f -> titles[f].toLowerCase(Locale.ROOT).startsWith(wanted))
                .boxed().max(exactFirstThenMostRated).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    public int userId(int user) {
        return userIds[user];
    }

    public String title(int film) {
        return titles[film];
    }

    /** "Title (year)". */
    public String label(int film) {
        return titles[film] + " (" + years[film] + ")";
    }

    public List<String> genres(int film) {
        return genres.get(film);
    }
}
