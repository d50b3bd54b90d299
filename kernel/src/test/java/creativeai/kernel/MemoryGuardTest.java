package creativeai.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory cap is found and read on both control group versions (fake trees: this machine has only one). */
class MemoryGuardTest {
    @TempDir
    Path root;

    private Path write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void version2ReadsMemoryMaxAndLeavesInactivePageCacheOut() throws IOException {
        write("cgroup.controllers", "cpu memory\n");
        Path proc = write("proc-cgroup", "0::/course/student1\n");
        write("course/student1/memory.max", "3221225472\n");
        write("course/student1/memory.current", "3000000000\n");
        write("course/student1/memory.stat", "anon 2000000000\ninactive_file 900000000\nactive_file 100000000\n");
        MemoryGuard guard = MemoryGuard.find(proc, root).orElseThrow();
        assertEquals(3221225472L, guard.limitBytes());
        assertEquals(2_100_000_000L, guard.usedBytes());
        assertFalse(guard.nearTheCap());
        write("course/student1/memory.current", "3800000000\n");
        assertTrue(guard.nearTheCap());
        assertTrue(guard.explanation().contains("of the 3.2 GB"), guard.explanation());
    }

    @Test
    void version1ReadsTheMemoryHierarchy() throws IOException {
        Path proc = write("proc-cgroup", "5:cpu,cpuacct:/course-student1\n4:memory:/course-student1\n0::/\n");
        write("memory/course-student1/memory.limit_in_bytes", "1073741824\n");
        write("memory/course-student1/memory.usage_in_bytes", "1050000000\n");
        write("memory/course-student1/memory.stat", "cache 10\ntotal_inactive_file 50000000\n");
        MemoryGuard guard = MemoryGuard.find(proc, root).orElseThrow();
        assertEquals(1_000_000_000L, guard.usedBytes());
        assertTrue(guard.nearTheCap());
    }

    @Test
    void noCapMeansNoGuard() throws IOException {
        write("cgroup.controllers", "memory\n");
        write("memory.max", "max\n");
        assertTrue(MemoryGuard.find(write("a", "0::/\n"), root).isEmpty());
        write("memory/memory.limit_in_bytes", "9223372036854771712\n");
        assertTrue(MemoryGuard.find(write("b", "4:memory:/\n"), root).isEmpty(), "v1's unlimited");
        assertTrue(MemoryGuard.find(root.resolve("missing"), root).isEmpty(), "not Linux");
    }
}
