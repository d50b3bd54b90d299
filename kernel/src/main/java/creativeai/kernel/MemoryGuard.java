package creativeai.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The memory cap of the control group this kernel runs in (a classroom server gives each student one: cgroup v2's
 * {@code memory.max} or v1's {@code memory.limit_in_bytes}), how much of it is in use, page cache that can be given
 * back left out, and how many times the system has killed a process of the group for going over. When a cell takes
 * the group near its cap the kernel stops the cell and says why: otherwise the system's out-of-memory killer ends
 * the whole kernel, and the notebook only says that it died ({@link MemoryKillNote} explains that case afterwards).
 */
final class MemoryGuard {
    /**
     * How much a cell must have added since it began before it is stopped near the cap: memory held before it (by
     * earlier cells, or other notebooks' kernels) stops no cell that does not grow.
     */
    static final long GROWTH_BYTES = 32L << 20;

    /**
     * How far below the cap the running cell is stopped: a tenth of the cap, at least 256 MB (a garbage collection
     * that grows the heap can take 100 MB between two checks), at most half the cap.
     */
    static long marginBytes(long limit) {
        return Math.min(limit / 2, Math.max(limit / 10, 256L << 20));
    }

    private final Path group;
    private final boolean unified;
    private final long limit;

    private MemoryGuard(Path group, boolean unified, long limit) {
        this.group = group;
        this.unified = unified;
        this.limit = limit;
    }

    /** This process's capped memory group, if it has one (Linux only; none when the cap is unlimited). */
    static Optional<MemoryGuard> ofThisProcess() {
        return find(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"));
    }

    /** The capped memory group named in a /proc/PID/cgroup file, under a cgroup file system mounted at root. */
    static Optional<MemoryGuard> find(Path procCgroup, Path root) {
        List<String> lines;
        try {
            lines = Files.readAllLines(procCgroup);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or no control groups
        }
        for (String line : lines) { // v1: "4:memory:/path" (the memory controller has its own hierarchy)
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains("memory")) {
                Optional<MemoryGuard> guard = capped(root.resolve("memory").resolve(relative(parts[2])), false,
                        "memory.limit_in_bytes");
                if (guard.isPresent()) return guard;
            }
        }
        for (String line : lines) { // v2: "0::/path", one unified hierarchy
            if (line.startsWith("0::") && Files.exists(root.resolve("cgroup.controllers"))) {
                return capped(root.resolve(relative(line.substring(3))), true, "memory.max");
            }
        }
        return Optional.empty();
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static Optional<MemoryGuard> capped(Path group, boolean unified, String limitFile) {
        try {
            String text = Files.readString(group.resolve(limitFile)).strip();
            if (text.equals("max")) return Optional.empty();
            long limit = Long.parseLong(text);
            // v1 writes "no limit" as a huge number (a page-rounded Long.MAX_VALUE)
            return limit <= 0 || limit >= Long.MAX_VALUE / 2 ? Optional.empty() : Optional.of(new MemoryGuard(group, unified, limit));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    long limitBytes() {
        return limit;
    }

    /** Bytes in use by the group, without inactive page cache (what the kernel would reclaim before killing). */
    long usedBytes() throws IOException {
        long used = Long.parseLong(Files.readString(group.resolve(unified ? "memory.current" : "memory.usage_in_bytes")).strip());
        long reclaimable = field("memory.stat", unified ? "inactive_file" : "total_inactive_file");
        return reclaimable < 0 ? used : Math.max(0, used - reclaimable);
    }

    /** The value of a "name value" line in one of the group's files (memory.stat, memory.events, ...); -1 without it. */
    private long field(String file, String name) throws IOException {
        for (String line : Files.readAllLines(group.resolve(file))) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[0].equals(name)) return Long.parseLong(parts[1]);
        }
        return -1;
    }

    /**
     * How many processes of the group the system has killed for going over its cap, since the group was made:
     * the {@code oom_kill} count of v2's {@code memory.events} or v1's {@code memory.oom_control}; -1 if unknown.
     */
    long killsForMemory() {
        try {
            return field(unified ? "memory.events" : "memory.oom_control", "oom_kill"); // -1 before Linux 4.13
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** What the group uses now (see {@link #usedBytes()}); 0 when it cannot be read. */
    long usedNow() {
        try {
            return usedBytes();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Whether a cell that began when the group used {@code usedAtStart} has taken it so close to its cap that it must stop. */
    boolean nearTheCap(long usedAtStart) {
        long used = usedNow();
        return used > limit - marginBytes(limit) && used > usedAtStart + GROWTH_BYTES;
    }

    /** The message a stopped cell shows. */
    String explanation() {
        long used = usedNow();
        return String.format("the cell was stopped: this notebook's server was using %.1f GB of the %.1f GB it may use "
                + "(its memory cap), and going over would have ended the kernel. What the cell held is given back; the "
                + "notebook's variables are kept. To stay under the cap, shut down the kernels of notebooks you are not "
                + "using, or use a smaller model or batch", used / 1e9, limit / 1e9);
    }
}
