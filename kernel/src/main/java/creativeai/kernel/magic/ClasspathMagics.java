package creativeai.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.registry.LineMagic;
import org.dflib.jjava.jupyter.kernel.util.GlobFinder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code %jars a.jar lib/*.jar} adds jar files (globs allowed) and {@code %classpath dir:other.jar} adds path
 * entries to the running notebook, so the next cells can import their classes.
 */
public final class ClasspathMagics {
    private final Consumer<String> addToClasspath;

    public ClasspathMagics(Consumer<String> addToClasspath) {
        this.addToClasspath = addToClasspath;
    }

    @LineMagic
    public List<String> jars(List<String> globs) throws IOException {
        List<String> added = new ArrayList<>();
        for (String glob : globs) {
            List<Path> matches = new ArrayList<>();
            try {
                new GlobFinder(glob).computeMatchingFiles().forEach(matches::add);
            } catch (NoSuchFileException e) {
                // the folder part of the glob does not exist: reported below as no match
            }
            if (matches.isEmpty()) throw new IllegalArgumentException("%jars: no file matches " + glob);
            for (Path jar : matches) {
                addToClasspath.accept(jar.toAbsolutePath().toString());
                added.add(jar.toString());
            }
        }
        return added;
    }

    @LineMagic
    public List<String> classpath(List<String> paths) {
        List<String> added = new ArrayList<>();
        for (String arg : paths) {
            for (String entry : arg.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.exists(path)) throw new IllegalArgumentException("%classpath: " + entry + " does not exist");
                addToClasspath.accept(path.toAbsolutePath().toString());
                added.add(entry);
            }
        }
        return added;
    }
}
