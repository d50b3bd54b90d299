package creativeai.data;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * MovieLens "latest-small": 100,004 ratings (0.5 to 5 stars) by 671 users of 9,066 movies, one rating a row
 * with the movie's title, year and genres, as a Tablesaw table. GroupLens licence: non-commercial use, with credit.
 */
public final class MovieLens {
    private static final ColumnType[] COLUMNS = {ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DOUBLE,
            ColumnType.LONG, ColumnType.STRING, ColumnType.INTEGER, ColumnType.STRING};

    private MovieLens() {
    }

    /** Columns userId, movieId, rating, timestamp, title, year, genres ("Comedy|Romance"). */
    public static Table ratings() {
        return ratings(DataStore.standard());
    }

    public static Table ratings(DataStore store) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(store.path("movielens-small")))) {
            return Table.read().usingOptions(CsvReadOptions.builder(in).tableName("MovieLens ratings").columnTypes(COLUMNS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
