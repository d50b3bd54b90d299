package creativeai.data;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Classical Chinese poetry in traditional characters: the 300 Tang Poems, and the 14,495 quatrains (four lines
 * of five or seven characters, each line ending in its punctuation mark) of the Complete Tang Poems.
 */
public final class TangPoems {
    private TangPoems() {
    }

    /** One poem; each line keeps its closing punctuation (，。？！). */
    public record Poem(String title, String author, String form, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    public static List<Poem> threeHundred() {
        return read(DataStore.standard().path("tang-300"));
    }

    public static List<Poem> quatrains() {
        return read(DataStore.standard().path("tang-quatrains"));
    }

    static List<Poem> read(Path jsonLines) {
        List<Poem> poems = new ArrayList<>();
        Gson gson = new Gson();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(jsonLines)), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                try {
                    poems.add(gson.fromJson(line, Poem.class));
                } catch (JsonParseException e) {
                    throw new DataException(jsonLines + " line " + lineNumber + " is not a poem: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return poems;
    }
}
