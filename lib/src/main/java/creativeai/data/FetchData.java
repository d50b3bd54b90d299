package creativeai.data;

import java.io.IOException;

/**
 * The setup command's data step: {@code java creativeai.data.FetchData} fetches what the cache lacks and
 * verifies every file in datasets/MANIFEST, printing what it did; exits non-zero with the reason on failure.
 */
public final class FetchData {
    private FetchData() {
    }

    public static void main(String[] args) {
        try {
            DataStore store = DataStore.standard();
            int fetched = store.fetchMissing(System.out::println).size();
            for (ManifestEntry entry : store.manifest().entries()) store.path(entry.name());
            System.out.printf("course data: %d files verified, %d fetched now%n", store.manifest().entries().size(), fetched);
        } catch (DataException | IOException e) {
            System.err.println("course data: " + e.getMessage());
            System.exit(1);
        }
    }
}
