package creativeai.kernel.magic;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.dflib.jjava.jupyter.kernel.magic.registry.LineMagic;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * IJava's Maven magics. {@code %maven group:artifact[:extension[:classifier]]:version ...} resolves artifacts and their
 * runtime dependencies and adds the jars to the notebook, from Maven Central and the repositories added with
 * {@code %mavenRepo id url} (or only from one: {@code --from id-or-url}). Resolution goes through the user's local
 * Maven repository, so a second run is offline. The default repository can be changed with the
 * {@code COURSE_MAVEN_REPOSITORY} environment variable. {@code %loadFromPOM} and {@code %%loadFromPOM} are in
 * {@link PomMagics}.
 */
public final class MavenMagic {
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("(?i)(https?|file)://.+");

    private final Consumer<String> addToClasspath;
    private final Path localRepository;
    private final Map<String, String> repositories = new LinkedHashMap<>();

    public MavenMagic(Consumer<String> addToClasspath, Path localRepository, String remoteUrl) {
        this.addToClasspath = addToClasspath;
        this.localRepository = localRepository;
        repositories.put("central", remoteUrl);
    }

    /** The user's local repository and Maven Central, unless the environment names others. */
    public static MavenMagic withDefaults(Consumer<String> addToClasspath) {
        String local = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        String remote = System.getenv().getOrDefault("COURSE_MAVEN_REPOSITORY", CENTRAL);
        return new MavenMagic(addToClasspath, Path.of(local), remote);
    }

    /** Adds the artifacts and their runtime dependencies to the notebook; returns the jars' file names. */
    @LineMagic(aliases = {"addMavenDependency", "addMavenDependencies"})
    public List<String> maven(List<String> args) throws DependencyResolutionException {
        List<String> coordinates = new ArrayList<>();
        Map<String, String> from = repositories;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--from")) {
                if (i + 1 == args.size()) throw new IllegalArgumentException("%maven --from needs a repository id or URL");
                from = repository(args.get(++i));
            } else if (args.get(i).startsWith("-")) {
                throw new IllegalArgumentException("%maven knows one option, --from <repository id or URL>, not " + args.get(i));
            } else {
                coordinates.add(args.get(i));
            }
        }
        if (coordinates.isEmpty()) throw new IllegalArgumentException("%maven needs group:artifact:version");
        return addAll(resolve(runtime(coordinates), from));
    }

    /** Adds a repository that %maven searches after those before it. */
    @LineMagic(value = "mavenRepo", aliases = "addMavenRepo")
    public void mavenRepo(List<String> args) {
        if (args.size() != 2 || !URL.matcher(args.get(1)).matches()) {
            throw new IllegalArgumentException("%mavenRepo needs an id and a URL, e.g. %mavenRepo snapshots https://example.org/maven2/");
        }
        repositories.put(args.get(0), args.get(1));
    }

    /** The jar files of the given artifacts and all their runtime dependencies, from Maven Central and added repositories. */
    public List<Path> resolve(List<String> coordinates) throws DependencyResolutionException {
        return resolve(runtime(coordinates), repositories);
    }

    private static List<Dependency> runtime(List<String> coordinates) {
        return coordinates.stream().map(c -> new Dependency(artifact(c), JavaScopes.RUNTIME)).toList();
    }

    /** Resolves dependencies (with their own scopes) from the given repositories, id to URL. */
    List<Path> resolve(List<Dependency> dependencies, Map<String, String> from) throws DependencyResolutionException {
        RepositorySystem system = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        CollectRequest collect = new CollectRequest();
        dependencies.forEach(collect::addDependency);
        from.forEach((id, url) -> collect.addRepository(new RemoteRepository.Builder(id, "default", url).build()));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<Path> jars = new ArrayList<>();
        for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
            jars.add(result.getArtifact().getFile().toPath());
        }
        return jars;
    }

    /** Adds the jars to the notebook; returns their file names. */
    List<String> addAll(List<Path> jars) {
        List<String> added = new ArrayList<>();
        for (Path jar : jars) {
            addToClasspath.accept(jar.toString());
            added.add(jar.getFileName().toString());
        }
        return added;
    }

    /** The default repository alone (Maven Central, or what COURSE_MAVEN_REPOSITORY names), id to URL. */
    Map<String, String> central() {
        return Map.of("central", repositories.get("central"));
    }

    private Map<String, String> repository(String idOrUrl) {
        if (repositories.containsKey(idOrUrl)) return Map.of(idOrUrl, repositories.get(idOrUrl));
        if (URL.matcher(idOrUrl).matches()) return Map.of("from", idOrUrl);
        throw new IllegalArgumentException("%maven --from " + idOrUrl + ": no repository has that id (add it with %mavenRepo "
                + idOrUrl + " <url>), and it is not a URL");
    }

    private static DefaultArtifact artifact(String coordinate) {
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("%maven: '" + coordinate + "' is not group:artifact[:extension[:classifier]]:version", e);
        }
    }
}
