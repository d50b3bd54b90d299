package creativeai.backend;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What ND4J is running on and how much memory it may use: backend (CPU or CUDA), device, threads, the heap
 * and off-heap limits the kernelspec set, and the memory in use now. Also the one place that seeds ND4J.
 */
public final class Backend {
    private Backend() {
    }

    /** "CPU" or "CUDA". */
    public static String kind() {
        String name = Nd4j.getBackend().getClass().getSimpleName();
        return name.toLowerCase().contains("cuda") || name.toLowerCase().contains("jcublas") ? "CUDA" : "CPU";
    }

    /** Seeds ND4J's random generator: the same seed gives the same numbers on the CPU. */
    public static void seed(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }

    /** The facts as name → value, in a stable order. */
    public static Map<String, String> facts() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("backend", kind() + " (" + Nd4j.getBackend().getClass().getSimpleName() + ")");
        facts.put("device", device(env));
        facts.put("BLAS", blasVendor(env));
        facts.put("oneDNN (CPU convolutions, matrix products)", hasOneDnn() ? "yes" : "no");
        facts.put("CPU cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("maths threads (OpenMP)", String.valueOf(env.getOrDefault("omp.threads", "?")));
        facts.put("Java", Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")");
        facts.put("heap limit", mb(Runtime.getRuntime().maxMemory()));
        facts.put("off-heap limit (ND4J arrays)", mb(Pointer.maxBytes()));
        facts.put("process memory limit", mb(Pointer.maxPhysicalBytes()));
        facts.put("process memory now", mb(Pointer.physicalBytes()));
        return facts;
    }

    /** Whether ND4J's native library was built with oneDNN (the course's build on Linux x86-64 is). */
    public static boolean hasOneDnn() {
        Nd4j.getBackend(); // loads the backend's settings, which the native library's holder reads
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
    }

    /** The library that does the matrix products: the backend's own answer (OpenBLAS on the CPU), else its environment's. */
    private static String blasVendor(Properties env) {
        String vendor = String.valueOf(Nd4j.factory().blas().getBlasVendor());
        return vendor.equals("UNKNOWN") ? String.valueOf(env.getOrDefault("blas.vendor", "?")) : vendor;
    }

    private static String device(Properties env) {
        Object devices = env.get("cuda.devicesInformation");
        if (devices != null) return devices.toString();
        return System.getProperty("os.arch") + " CPU, " + System.getProperty("os.name");
    }

    private static String mb(long bytes) {
        return bytes <= 0 ? "unlimited" : String.format("%,d MB", bytes / (1024 * 1024));
    }

    /** The facts as a two-column table, for the notebook. */
    public static Table report() {
        Map<String, String> facts = facts();
        return Table.create("Backend",
                StringColumn.create("property", facts.keySet()),
                StringColumn.create("value", facts.values()));
    }

    /**
     * Prints the facts: {@code java -cp "course/target/classpath-creative-ai-java/*" creativeai.backend.Backend}.
     * Loading ND4J unpacks its native libraries into JavaCPP's cache, which the classroom server does once for all.
     */
    public static void main(String[] args) {
        facts().forEach((property, value) -> System.out.println(property + ": " + value));
    }
}
