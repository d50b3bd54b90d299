package creativeai.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Says, in the first cell after a restart, that the system killed the notebook's previous kernel for going over the
 * classroom server's memory cap: the front end only shows that the kernel died. Jupyter restarts a dead kernel
 * with the same connection file, so each kernel keeps the group's kill count beside that file when it starts; a
 * kernel that finds a smaller count there replaces one that was killed since. A kernel that ends normally deletes
 * the record, so a restart the student asked for says nothing.
 */
final class MemoryKillNote {
    private final Path record;
    private final String note;

    private MemoryKillNote(Path record, String note) {
        this.record = record;
        this.note = note;
    }

    /**
     * Compares the group's kill count with the record a previous kernel of this connection file left, then records
     * the count for the next one; none when the kernel has no cap or the system does not count kills.
     */
    static Optional<MemoryKillNote> atStart(Path connectionFile, MemoryGuard guard) {
        long kills = guard.killsForMemory();
        if (kills < 0) return Optional.empty();
        Path record = connectionFile.resolveSibling(connectionFile.getFileName() + ".memory-kills");
        String note = null;
        try {
            if (Files.exists(record) && Long.parseLong(Files.readString(record).strip()) < kills) {
                note = String.format("The kernel before this one was ended by the system: this server's notebooks "
                        + "together needed more than its %.1f GB memory cap. What the notebook had computed is gone; "
                        + "run its cells again from the top. To stay under the cap, shut down the kernels of notebooks "
                        + "you are not using (Kernel > Shut Down Kernel), or use a smaller model or batch.",
                        guard.limitBytes() / 1e9);
            }
            Path written = Files.writeString(record.resolveSibling(record.getFileName() + ".tmp"), Long.toString(kills));
            Files.move(written, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a read-only runtime folder: the kernel runs on without the note
        }
        return Optional.of(new MemoryKillNote(record, note));
    }

    /** What the first cell shows, if the previous kernel was killed. */
    Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /** Called when the kernel ends normally: the next kernel of this notebook starts after a shutdown, not a kill. */
    void forget() {
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            // left behind: the next kernel of this connection file compares with it, and it is not smaller
        }
    }
}
