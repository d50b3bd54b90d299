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
import java.util.stream.Stream;

/**
 * {@code %jars a.jar lib/*.jar} adds jar files (globs allowed; a folder adds the jars in it) and {@code %classpath
 * classes/ lib/*} adds class-path entries, folders or jars (globs and {@code :}-joined paths allowed) to the running
 * notebook, so the next cells can import their classes. Both return what they added, as IJava's do.
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
            for (Path match : matches("%jars", glob)) {
                if (Files.isDirectory(match)) {
                    try (Stream<Path> inside = Files.list(match)) {
                        for (Path jar : inside.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) add(jar, added);
                    }
                } else {
                    add(match, added);
                }
            }
        }
        return added;
    }

    @LineMagic
    public List<String> classpath(List<String> globs) throws IOException {
        List<String> added = new ArrayList<>();
        for (String arg : globs) {
            for (String glob : arg.split(File.pathSeparator)) {
                for (Path match : matches("%classpath", glob)) add(match, added);
            }
        }
        return added;
    }

    private void add(Path entry, List<String> added) {
        addToClasspath.accept(entry.toAbsolutePath().toString());
        added.add(entry.toString());
    }

    private static List<Path> matches(String magic, String glob) throws IOException {
        List<Path> matches = new ArrayList<>();
        try {
            new GlobFinder(glob).computeMatchingPaths().forEach(matches::add);
        } catch (NoSuchFileException e) {
            // the folder part of the glob does not exist: reported below as no match
        }
        if (matches.isEmpty()) throw new IllegalArgumentException(magic + ": nothing matches " + glob);
        return matches;
    }
}
