package creativeai.data;

import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/** The course's data files as a table (name, size, licence, attribution), for the dataset tour. */
public final class DatasetTable {
    private DatasetTable() {
    }

    public static Table of(Manifest manifest) {
        List<ManifestEntry> entries = manifest.entries();
        return Table.create("Course data",
                StringColumn.create("name", entries.stream().map(ManifestEntry::name)),
                LongColumn.create("kB", entries.stream().mapToLong(e -> Math.max(1, e.bytes() / 1024)).toArray()),
                StringColumn.create("licence", entries.stream().map(ManifestEntry::licence)),
                StringColumn.create("attribution", entries.stream().map(ManifestEntry::attribution)));
    }
}
