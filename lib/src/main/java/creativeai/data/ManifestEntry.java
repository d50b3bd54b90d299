package creativeai.data;

/**
 * One file the course uses, as datasets/MANIFEST lists it: its name in code, where it is kept (committed in
 * the repository under datasets/, or fetched once into the data cache), its size and SHA-256, where it comes
 * from, and its licence and attribution.
 *
 * @param source a URL, or {@code URL!member} for one file inside a .tgz or .deb archive, or where a committed
 *               file was prepared from
 */
public record ManifestEntry(String name, Storage storage, String path, long bytes, String sha256,
                            String source, String licence, String attribution) {

    /** Where a file lives on disk. */
    public enum Storage { REPOSITORY, CACHE }

    /** The archive or file URL to download, without the member part. */
    public String url() {
        int bang = source.indexOf('!');
        return bang < 0 ? source : source.substring(0, bang);
    }

    /** The path inside the archive, or null when the URL is the file itself. */
    public String member() {
        int bang = source.indexOf('!');
        return bang < 0 ? null : source.substring(bang + 1);
    }

    public boolean fetched() {
        return storage == Storage.CACHE;
    }
}
