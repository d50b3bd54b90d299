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
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code %maven group:artifact:version ...} resolves artifacts and their runtime dependencies from Maven
 * Central (through the user's local Maven repository, so a second run is offline) and adds the jars to the
 * notebook. The repository URL can be changed with the {@code COURSE_MAVEN_REPOSITORY} environment variable.
 */
public final class MavenMagic {
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Consumer<String> addToClasspath;
    private final Path localRepository;
    private final String remoteUrl;

    public MavenMagic(Consumer<String> addToClasspath, Path localRepository, String remoteUrl) {
        this.addToClasspath = addToClasspath;
        this.localRepository = localRepository;
        this.remoteUrl = remoteUrl;
    }

    /** The user's local repository and Maven Central, unless the environment names others. */
    public static MavenMagic withDefaults(Consumer<String> addToClasspath) {
        String local = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        String remote = System.getenv().getOrDefault("COURSE_MAVEN_REPOSITORY", CENTRAL);
        return new MavenMagic(addToClasspath, Path.of(local), remote);
    }

    @LineMagic
    public List<String> maven(List<String> coordinates) throws DependencyResolutionException {
        if (coordinates.isEmpty()) throw new IllegalArgumentException("%maven needs group:artifact:version");
        List<String> added = new ArrayList<>();
        for (Path jar : resolve(coordinates)) {
            addToClasspath.accept(jar.toString());
            added.add(jar.getFileName().toString());
        }
        return added;
    }

    /** The jar files of the given artifacts and all their runtime dependencies. */
    public List<Path> resolve(List<String> coordinates) throws DependencyResolutionException {
        RepositorySystem system = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        RemoteRepository remote = new RemoteRepository.Builder("central", "default", remoteUrl).build();
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
        }
        collect.setRepositories(List.of(remote));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<Path> jars = new ArrayList<>();
        for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
            jars.add(result.getArtifact().getFile().toPath());
        }
        return jars;
    }
}
