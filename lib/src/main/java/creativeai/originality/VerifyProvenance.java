package creativeai.originality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks files against their provenance records from the command line: {@code VerifyProvenance FILE|FOLDER...}
 * prints a line per work (folders are searched for every file that has a sidecar) and exits with 1 if any work
 * does not match its record or none was found.
 */
public final class VerifyProvenance {
    private VerifyProvenance() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> works = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (!Files.isDirectory(path)) {
                works.add(path);
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(f -> f.getFileName().toString().endsWith(".provenance.json"))
                        .map(f -> f.resolveSibling(f.getFileName().toString().replaceFirst("\\.provenance\\.json$", "")))
                        .sorted().forEach(works::add);
            }
        }
        int failed = 0;
        for (Path work : works) {
            try {
                Verification verification = Provenance.verify(work);
                System.out.println(verification);
                if (!verification.verified()) failed++;
            } catch (IOException e) {
                System.out.println("✗ " + work + ": cannot be read: " + e.getMessage());
                failed++;
            }
        }
        System.out.println(works.size() + " works checked, " + failed + " not matching their records");
        System.exit(failed > 0 || works.isEmpty() ? 1 : 0);
    }
}
