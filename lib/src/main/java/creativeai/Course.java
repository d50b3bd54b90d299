package creativeai;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Facts every notebook's Parameters cell asks: whether the course runs in QUICK mode (environment variable
 * {@code COURSE_QUICK=1}: small data and few epochs, for tests) and where the course lives on disk.
 */
public final class Course {
    private Course() {
    }

    /** True when {@code COURSE_QUICK} is set to 1 or true. */
    public static boolean quick() {
        String value = System.getenv("COURSE_QUICK");
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** {@code quick} in QUICK mode, {@code full} otherwise: {@code int EPOCHS = Course.size(1, 20);} */
    public static int size(int quick, int full) {
        return quick() ? quick : full;
    }

    /**
     * Where a chapter keeps a trained model, one file per model whatever its parts: {@code checkpoints/<name>.zip} in
     * the course folder, or {@code checkpoints/quick/<name>.zip} in QUICK mode, so the tests never overwrite a model
     * a student trained. Every model saves with {@code save(file)} and comes back with {@code load(file)}.
     */
    public static Path checkpoint(String name) {
        return checkpoints().resolve(name + ".zip");
    }

    /** The folder of this mode's checkpoints: {@code checkpoints/}, or {@code checkpoints/quick/} in QUICK mode. */
    public static Path checkpoints() {
        return quickFolder(work().resolve("checkpoints"));
    }

    /**
     * Where a chapter saves what it made (a poem, a tune, a grid of drawings): {@code outputs/<name>} in the course
     * folder, or {@code outputs/quick/<name>} in QUICK mode, so the tests never overwrite a student's work.
     */
    public static Path output(String name) {
        return outputs().resolve(name);
    }

    /** The folder of this mode's outputs: {@code outputs/}, or {@code outputs/quick/} in QUICK mode. */
    public static Path outputs() {
        return quickFolder(work().resolve("outputs"));
    }

    /**
     * The folder that holds {@code checkpoints/} and {@code outputs/}: {@code COURSE_WORK} when set, else the course
     * folder. The tests give each chapter run a folder of its own, so that no run sees what another saved unless it
     * asked for it.
     */
    public static Path work() {
        String configured = System.getenv("COURSE_WORK");
        return configured != null && !configured.isBlank() ? Path.of(configured) : home();
    }

    private static Path quickFolder(Path folder) {
        return quick() ? folder.resolve("quick") : folder;
    }

    /** The course's root folder: {@code COURSE_HOME}, else the nearest parent of the working folder with a pom.xml and notebooks/. */
    public static Path home() {
        String configured = System.getenv("COURSE_HOME");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("notebooks"))) return dir;
        }
        throw new IllegalStateException("Cannot find the course folder: set COURSE_HOME to the folder that holds "
                + "notebooks/ and pom.xml, or start Jupyter from inside it (bin/course start does).");
    }
}
