package creativeai.originality;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Provenance#verify} found: the file, its record (null when it has none), and every way the file
 * no longer matches it; none means the file is the work its record describes.
 */
public record Verification(Path file, Provenance record, List<String> problems) {
    public Verification {
        problems = List.copyOf(problems);
    }

    public boolean verified() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return (verified() ? "✓ " : "✗ ") + file.getFileName() + (verified() ? ": matches its provenance record" : ": " + String.join("; ", problems));
    }
}
