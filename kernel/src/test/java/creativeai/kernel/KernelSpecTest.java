package creativeai.kernel;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecTest {
    @Test
    @SuppressWarnings("unchecked")
    void specStartsThisJavaWithMemoryLimitsAndMessageInterrupts(@TempDir Path dir) throws IOException {
        Path file = KernelSpec.write(dir.resolve("k"), "/course/cp/*", Path.of("/course"), "Java (Creative AI)");
        Map<String, Object> spec = new Gson().fromJson(Files.readString(file), Map.class);
        List<String> argv = (List<String>) spec.get("argv");
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        assertTrue(argv.containsAll(List.of(KernelSpec.HEAP, KernelSpec.OFF_HEAP, KernelSpec.PROCESS, KernelSpec.NO_GRAPH_ARRAY_CACHE, KernelSpec.LAYER_HELPERS,
                "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Dorg.bytedeco.javacpp.cachedir=/course/.cache/javacpp")));
        assertEquals(List.of("-cp", "/course/cp/*", Main.class.getName(), "{connection_file}"),
                argv.subList(argv.size() - 4, argv.size()));
        assertEquals("message", spec.get("interrupt_mode"));
        Map<String, String> env = (Map<String, String>) spec.get("env");
        assertEquals("passive", env.get("OMP_WAIT_POLICY"));
        assertEquals("1", env.get("OPENBLAS_NUM_THREADS"));
        assertEquals("1", env.get("ND4J_SKIP_BLAS_THREADS"), "without it ND4J gives OpenBLAS OMP_NUM_THREADS threads");
        assertEquals(System.getenv().getOrDefault("OPENBLAS_CORETYPE", KernelSpec.coreTypeFor(KernelSpec.cpuFlags())),
                env.get("OPENBLAS_CORETYPE"));
        assertEquals("/course", env.get("COURSE_HOME"));
    }

    @Test
    void heapAndOffHeapFitInTwoGigabytes() {
        long heap = Long.parseLong(KernelSpec.HEAP.replaceAll("\\D", ""));
        long process = Long.parseLong(KernelSpec.PROCESS.replaceAll("\\D", ""));
        assertTrue(heap < process && process < 2048);
    }

    @Test
    void openBlasCoreTypeFollowsTheCpuFeaturesAndNeverTheEmptyName() {
        assertEquals("SkylakeX", KernelSpec.coreTypeFor(Set.of("fma", "avx2", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")));
        assertEquals("Haswell", KernelSpec.coreTypeFor(Set.of("fma", "avx2", "avx512f")));
        assertNull(KernelSpec.coreTypeFor(Set.of("sse4_2")));
        assertNull(KernelSpec.coreTypeFor(Set.of()));
    }

    @Test
    void withoutLinuxsCpuListTheJvmsFindingsGiveTheSameChoiceUpToHaswell() {
        String linux = KernelSpec.coreTypeFor(KernelSpec.procFlags(Path.of("/proc/cpuinfo")));
        String jvm = KernelSpec.coreTypeFor(KernelSpec.jvmFlags());
        assertEquals("SkylakeX".equals(linux) ? "Haswell" : linux, jvm, "what macOS and Windows would choose on this CPU");
        assertTrue(KernelSpec.procFlags(Path.of("/no/such/cpuinfo")).isEmpty());
    }
}
