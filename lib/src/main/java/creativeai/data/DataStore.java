package creativeai.data;

import creativeai.Course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the course's data files are and the guarantee that they are the right ones: {@link #path} finds a
 * file listed in datasets/MANIFEST (committed under datasets/, or fetched into the cache) and checks its
 * SHA-256 before handing it out; {@link #fetchMissing} downloads what the cache lacks (the setup command runs
 * it once), each archive once, verifying every file before it is used.
 */
public final class DataStore {
    private final Manifest manifest;
    private final Path repository;
    private final Path cache;
    private final VerifiedFiles verified;
    private static final java.time.Duration STALE = java.time.Duration.ofHours(1);

    public DataStore(Manifest manifest, Path repository, Path cache) {
        this.manifest = manifest;
        this.repository = repository;
        this.cache = cache;
        this.verified = new VerifiedFiles(cache.resolve(".verified"));
        try {
            AtomicFiles.sweep(cache, STALE); // what fetches that were stopped half-way left behind
        } catch (IOException e) {
            // a cache we cannot clean is still a cache we can read
        }
    }

    /** The course's store: datasets/ in the course folder, the cache in {@code COURSE_DATA} or .cache/datasets. */
    public static DataStore standard() {
        Path home = Course.home();
        String configured = System.getenv("COURSE_DATA");
        Path cache = configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve(".cache").resolve("datasets");
        try {
            return new DataStore(Manifest.read(home.resolve("datasets").resolve("MANIFEST")), home.resolve("datasets"), cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Where the file would be, whether or not it is there. */
    public Path location(ManifestEntry entry) {
        return (entry.fetched() ? cache : repository).resolve(entry.path());
    }

    /** The verified file for a manifest name; a clear error if it is missing or corrupt. */
    public Path path(String name) {
        ManifestEntry entry = manifest.entry(name);
        Path file = location(entry);
        if (!Files.exists(file)) {
            throw new DataException("The data file " + entry.path() + " (" + name + ") is not here yet. "
                    + (entry.fetched() ? "Run bin/course setup once while online: it fetches the course data into " + cache
                                       : "It belongs to the course repository: restore it with git checkout -- datasets/" + entry.path()));
        }
        try {
            verified.verify(file, entry);
        } catch (IOException e) {
            throw new DataException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Fetches every cache file that is missing, and returns the entries it fetched. */
    public List<ManifestEntry> fetchMissing(Consumer<String> log) throws IOException {
        Map<String, List<ManifestEntry>> byUrl = new LinkedHashMap<>();
        for (ManifestEntry entry : manifest.entries()) {
            if (entry.fetched() && !Files.exists(location(entry))) {
                byUrl.computeIfAbsent(entry.url(), u -> new ArrayList<>()).add(entry);
            }
        }
        List<ManifestEntry> fetched = new ArrayList<>();
        for (Map.Entry<String, List<ManifestEntry>> group : byUrl.entrySet()) {
            log.accept("fetching " + group.getKey());
            fetch(URI.create(group.getKey()), group.getValue());
            for (ManifestEntry entry : group.getValue()) path(entry.name());
            fetched.addAll(group.getValue());
        }
        return fetched;
    }

    /** Downloads (and unpacks) into temporary files, checks each file's SHA-256, and only then renames it into place. */
    private void fetch(URI url, List<ManifestEntry> entries) throws IOException {
        Files.createDirectories(cache);
        Map<ManifestEntry, Path> temps = new LinkedHashMap<>();
        Path archive = null;
        try {
            for (ManifestEntry entry : entries) temps.put(entry, AtomicFiles.partial(location(entry)));
            if (entries.get(0).member() == null) {
                Downloads.fetch(url, temps.get(entries.get(0)));
            } else {
                archive = AtomicFiles.partial(cache.resolve("archive"));
                Downloads.fetch(url, archive);
                Map<String, Path> members = new LinkedHashMap<>();
                temps.forEach((entry, temp) -> members.put(entry.member(), temp));
                Archives.extractMembers(archive, members);
            }
            for (Map.Entry<ManifestEntry, Path> fetched : temps.entrySet()) {
                ManifestEntry entry = fetched.getKey();
                String actual = Sha256.of(fetched.getValue());
                if (!actual.equals(entry.sha256())) {
                    throw new DataException("The file " + entry.path() + " (" + entry.name() + ") fetched from " + url
                            + " is not the one the manifest names: SHA-256 " + actual + " instead of " + entry.sha256()
                            + ". Nothing was kept; the source may have changed or the download was damaged.");
                }
            }
            for (Map.Entry<ManifestEntry, Path> fetched : temps.entrySet()) AtomicFiles.commit(fetched.getValue(), location(fetched.getKey()));
        } finally {
            for (Path temp : temps.values()) Files.deleteIfExists(temp);
            if (archive != null) Files.deleteIfExists(archive);
        }
    }
}
