package creativeai.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restarted kernel explains a kill for memory only when its group's kill count grew since the previous start. */
class MemoryKillNoteTest {
    @TempDir
    Path root;

    private MemoryGuard guardWithKills(int kills) throws IOException {
        Path group = Files.createDirectories(root.resolve("memory/student"));
        Files.writeString(group.resolve("memory.limit_in_bytes"), "3221225472\n");
        Files.writeString(group.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill " + kills + "\n");
        return MemoryGuard.find(Files.writeString(root.resolve("proc-cgroup"), "4:memory:/student\n"), root).orElseThrow();
    }

    @Test
    void onlyAKillSinceThePreviousStartIsExplained() throws IOException {
        Path connection = Files.writeString(root.resolve("kernel-1234.json"), "{}");
        assertFalse(MemoryKillNote.atStart(connection, guardWithKills(3)).orElseThrow().note().isPresent(),
                "a first start: kills before it were other kernels'");
        assertFalse(MemoryKillNote.atStart(connection, guardWithKills(3)).orElseThrow().note().isPresent(),
                "restarted without a kill");
        String note = MemoryKillNote.atStart(connection, guardWithKills(4)).orElseThrow().note().orElseThrow();
        assertTrue(note.contains("ended by the system") && note.contains("3.2 GB memory cap"), note);
        assertEquals("4", Files.readString(root.resolve("kernel-1234.json.memory-kills")));
    }

    @Test
    void aKernelThatEndsNormallyLeavesNoRecord() throws IOException {
        Path connection = root.resolve("kernel-5678.json");
        MemoryKillNote.atStart(connection, guardWithKills(0)).orElseThrow().forget();
        assertFalse(Files.exists(root.resolve("kernel-5678.json.memory-kills")));
        assertFalse(MemoryKillNote.atStart(connection, guardWithKills(1)).orElseThrow().note().isPresent(),
                "a restart the student asked for, after another notebook's kernel was killed");
    }

    @Test
    void noKillCountNoNote() throws IOException {
        MemoryGuard guard = guardWithKills(0);
        Files.delete(root.resolve("memory/student/memory.oom_control"));
        assertTrue(MemoryKillNote.atStart(root.resolve("kernel-9.json"), guard).isEmpty());
    }
}
