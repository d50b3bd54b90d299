package creativeai.kernel;

import com.google.gson.GsonBuilder;
import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Jupyter kernelspec (kernel.json) that starts this kernel with the course's classpath and JVM
 * options: heap and JavaCPP off-heap limits that together fit Binder's 2 GB, passive OpenMP threads sized to
 * the machine, the audio renderer's {@code --add-exports}, and a JavaCPP cache outside the user's home.
 * {@code java creativeai.kernel.KernelSpec <dir> <classpath> <course root> [display name]}; the directory
 * is then installed with {@code jupyter kernelspec install --user}.
 */
public final class KernelSpec {
    /** Heap for Java objects; ND4J's arrays live off-heap under the JavaCPP limits below. */
    static final String HEAP = "-Xmx640m";
    /**
     * JavaCPP's limit on ND4J's off-heap arrays, and on the whole process's resident memory. Reaching the first
     * makes JavaCPP run the garbage collector, which frees arrays nobody references: at 1,100 MB, chapter 4's
     * DCGAN let such garbage lift the process to 1.9 GB; at 800 MB heap and off-heap stay well inside 2 GB.
     */
    static final String OFF_HEAP = "-Dorg.bytedeco.javacpp.maxbytes=800m";
    /**
     * Reaching this makes JavaCPP collect garbage too, and the process overshoots it by a little before the
     * collection frees memory: at 1,900 MB chapter 6 peaked at 1,972 MB (sampled five times a second), at 1,700 MB
     * at 1,765 MB, as fast. Past it, when nothing can be freed, the cell fails with an OutOfMemoryError that says so.
     */
    static final String PROCESS = "-Dorg.bytedeco.javacpp.maxphysicalbytes=1700m";
    /**
     * Turns off SameDiff's cache of spent arrays (the property's odd name is ND4J's), which keeps up to a quarter of
     * the off-heap limit for reuse: with it chapter 6 peaked at 1,763 MB and chapter 5 at 1,787 MB, without it at
     * 821 MB and 1,483 MB (QUICK mode). The Transformer benchmark trains 10,272 tokens/s instead of 10,771 (within
     * run-to-run noise) in 397 MB instead of 1,478 MB; one run each.
     */
    static final String NO_GRAPH_ARRAY_CACHE = "-Dorg.nd4j.autodiff.samediff=false";
    /**
     * Lets DL4J's layers use their oneDNN helpers (off by default in DL4J 1.0.0-M2.1); with the library's
     * {@code org.nd4j.nativeblas.Nd4jCpu} they do on the course's Linux build: a DCGAN step takes 130 ms instead of
     * 250. Without oneDNN (CUDA, macOS, ARM) DL4J finds no helper and nothing changes.
     */
    static final String LAYER_HELPERS = "-Dorg.eclipse.deeplearning4j.helpers.disable=false";

    private KernelSpec() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java creativeai.kernel.KernelSpec <out dir> <classpath> <course root> [display name]");
            System.exit(2);
        }
        String displayName = args.length > 3 ? args[3] : "Java (Creative AI)";
        Path file = write(Path.of(args[0]), args[1], Path.of(args[2]), displayName);
        System.out.println("kernelspec written: " + file);
    }

    /** Writes kernel.json into {@code dir} and returns its path. */
    public static Path write(Path dir, String classpath, Path courseRoot, String displayName) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("kernel.json");
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(spec(classpath, courseRoot.toAbsolutePath().normalize(), displayName));
        Files.writeString(file, json);
        return file;
    }

    static Map<String, Object> spec(String classpath, Path courseRoot, String displayName) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", command(classpath, courseRoot.resolve(".cache").resolve("javacpp")));
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        Map<String, String> env = environment();
        env.put("COURSE_HOME", courseRoot.toString());
        spec.put("env", env);
        spec.put("metadata", Map.of("debugger", false));
        return spec;
    }

    static List<String> command(String classpath, Path cacheDir) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add(HEAP);
        argv.add("-XX:+UseSerialGC");
        argv.add(OFF_HEAP);
        argv.add(PROCESS);
        argv.add(NO_GRAPH_ARRAY_CACHE);
        argv.add(LAYER_HELPERS);
        argv.add("-Dorg.bytedeco.javacpp.cachedir=" + cacheDir);
        argv.add("-Djava.awt.headless=true");
        argv.add("--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED");
        int feature = Runtime.version().feature();
        if (feature >= 22) argv.add("--enable-native-access=ALL-UNNAMED");
        if (feature >= 24) argv.add("--sun-misc-unsafe-memory-access=allow");
        argv.add("-cp");
        argv.add(classpath);
        argv.add(Main.class.getName());
        argv.add("{connection_file}");
        return argv;
    }

    /**
     * OpenMP spin-waiting on few cores made training 10x slower here: wait passively, one thread per core. OpenBLAS
     * keeps its own threads, which spin in sched_yield between products (bench/profiles: 39% of all samples in the
     * char LSTM's step), and on 2 cores one OpenBLAS thread trains as fast or faster, measured A/B in one JVM
     * (bench/SettingsAB), 1.00-1.19x the steps per second for every model, for 6-44% less processor time.
     * OpenBLAS 0.3.19 (ND4J's) takes a CPU it does not know, such as Intel's Sapphire Rapids, for a generic
     * "Prescott" and multiplies matrices 4x slower. The kernel names the family the CPU's features allow: SkylakeX
     * with AVX-512, Haswell with AVX2, else OpenBLAS's own choice. (It used to pass the empty name, which made
     * OpenBLAS pick "Cooperlake": fast in single precision, but its double-precision products were wrong, off by up
     * to 11 in a 300×128 by 128×200 product, and chapter 4's Fréchet distances came out negative. SkylakeX is right
     * in both and as fast.) A core type the user set is kept.
     */
    static Map<String, String> environment() {
        String threads = Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", threads);
        env.put("OMP_WAIT_POLICY", "passive");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("ND4J_SKIP_BLAS_THREADS", "1"); // else ND4J gives OpenBLAS OMP_NUM_THREADS threads when it starts
        String coreType = System.getenv().getOrDefault("OPENBLAS_CORETYPE", coreTypeFor(cpuFlags()));
        if (coreType != null) env.put("OPENBLAS_CORETYPE", coreType);
        return env;
    }

    /** OpenBLAS's kernel family for a CPU with these feature flags, or null to leave the choice to OpenBLAS. */
    static String coreTypeFor(Set<String> flags) {
        if (flags.containsAll(Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"))) return "SkylakeX";
        if (flags.containsAll(Set.of("avx2", "fma"))) return "Haswell";
        return null;
    }

    /**
     * The CPU's x86 feature flags as Linux reports them in /proc/cpuinfo. Elsewhere (macOS, Windows) the JVM's own
     * findings stand in: AVX2 and FMA when HotSpot uses them, never AVX-512 (HotSpot holds back from AVX-512 on some
     * CPUs that have it), so there OpenBLAS gets Haswell at most. None on ARM.
     */
    static Set<String> cpuFlags() {
        Set<String> linux = procFlags(Path.of("/proc/cpuinfo"));
        return linux.isEmpty() ? jvmFlags() : linux;
    }

    static Set<String> procFlags(Path cpuinfo) {
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("flags")).findFirst()
                    .map(line -> Set.copyOf(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")))).orElse(Set.of());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();
        }
    }

    static Set<String> jvmFlags() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            Set<String> flags = new HashSet<>();
            if (Integer.parseInt(hotspot.getVMOption("UseAVX").getValue()) >= 2) flags.add("avx2");
            if (Boolean.parseBoolean(hotspot.getVMOption("UseFMA").getValue())) flags.add("fma");
            return flags;
        } catch (IllegalArgumentException | NullPointerException e) {
            return Set.of(); // not x86 (no such option), or not HotSpot
        }
    }
}
