package creativeai.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The list of every data file the course uses (datasets/MANIFEST): a tab-separated table, one file a line,
 * with the columns name, storage (repository or cache), path, bytes, sha256, source, licence and attribution;
 * blank lines and lines starting with # are ignored.
 */
public final class Manifest {
    static final int COLUMNS = 8;
    private final Map<String, ManifestEntry> entries;

    private Manifest(Map<String, ManifestEntry> entries) {
        this.entries = entries;
    }

    public static Manifest read(Path file) throws IOException {
        if (!Files.exists(file)) throw new DataException("The dataset manifest " + file + " is missing: is COURSE_HOME the course folder?");
        return parse(Files.readAllLines(file), file.toString());
    }

    static Manifest parse(List<String> lines, String origin) {
        Map<String, ManifestEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            String where = origin + " line " + (i + 1);
            if (cells.length != COLUMNS) {
                throw new DataException(where + ": expected " + COLUMNS + " tab-separated columns, found " + cells.length);
            }
            ManifestEntry entry;
            try {
                entry = new ManifestEntry(cells[0], ManifestEntry.Storage.valueOf(cells[1].toUpperCase(Locale.ROOT)),
                        cells[2], Long.parseLong(cells[3]), cells[4].toLowerCase(Locale.ROOT), cells[5], cells[6], cells[7]);
            } catch (IllegalArgumentException e) {
                throw new DataException(where + ": " + e.getMessage());
            }
            if (!entry.sha256().matches("[0-9a-f]{64}")) throw new DataException(where + ": not a SHA-256: " + entry.sha256());
            if (entries.put(entry.name(), entry) != null) throw new DataException(where + ": the name " + entry.name() + " is listed twice");
        }
        return new Manifest(entries);
    }

    public ManifestEntry entry(String name) {
        ManifestEntry entry = entries.get(name);
        if (entry == null) throw new DataException("No dataset file named '" + name + "' in datasets/MANIFEST; known: " + entries.keySet());
        return entry;
    }

    public List<ManifestEntry> entries() {
        return new ArrayList<>(entries.values());
    }
}
