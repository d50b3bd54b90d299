import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark process's peak resident memory so far (Linux's VmHWM), in MB: what every benchmark reports. */
final class PeakMemory {
    private PeakMemory() {
    }

    static double mb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .mapToDouble(l -> Double.parseDouble(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(Double.NaN);
    }
}
