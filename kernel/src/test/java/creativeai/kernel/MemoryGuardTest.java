package creativeai.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory cap, its use and the kills for going over are found and read on both control group versions (fake
 * trees: a machine has one or the other).
 */
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
        assertFalse(guard.nearTheCap(0));
        write("course/student1/memory.current", "3800000000\n");
        assertTrue(guard.nearTheCap(0));
        assertFalse(guard.nearTheCap(2_890_000_000L), "held before the cell began: a cell that adds 10 MB runs on");
        assertEquals(-1, guard.killsForMemory(), "no memory.events");
        write("course/student1/memory.events", "low 0\nhigh 0\nmax 12\noom 2\noom_kill 2\noom_group_kill 0\n");
        assertEquals(2, guard.killsForMemory());
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
        assertTrue(guard.nearTheCap(0));
        write("memory/course-student1/memory.usage_in_bytes", "800000000\n");
        assertFalse(guard.nearTheCap(0), "750 MB of 1 GiB: more than the 256 MB margin left");
        write("memory/course-student1/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
        assertEquals(1, guard.killsForMemory());
    }

    @Test
    void theMarginIsATenthOfTheCapAtLeast256MbAtMostHalf() {
        assertEquals(256L << 20, MemoryGuard.marginBytes(1L << 30));
        assertEquals(800_000_000L, MemoryGuard.marginBytes(8_000_000_000L));
        assertEquals(200L << 20, MemoryGuard.marginBytes(400L << 20));
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
