package creativeai.kernel.magic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Maven magics against repositories on disk: no network, the same resolution as from Maven Central. */
class MavenMagicTest {
    @TempDir
    Path dir;
    private final List<String> classpath = new ArrayList<>();
    private MavenMagic maven;
    private PomMagics poms;

    @BeforeEach
    void repositories() throws IOException {
        Path central = dir.resolve("central");
        publish(central, "greeting", "<dependencies><dependency><groupId>org.example</groupId><artifactId>words</artifactId>"
                + "<version>1.0</version></dependency></dependencies>");
        publish(central, "words", "");
        publish(dir.resolve("elsewhere"), "rare", "");
        maven = new MavenMagic(classpath::add, dir.resolve("local"), central.toUri().toString());
        poms = new PomMagics(maven);
    }

    /** Writes org.example:name:1.0 (a jar and its POM) into a repository folder. */
    private static void publish(Path repository, String name, String dependencies) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("org/example/" + name + "/1.0"));
        Files.writeString(folder.resolve(name + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId>"
                + "<artifactId>" + name + "</artifactId><version>1.0</version>" + dependencies + "</project>");
        try (OutputStream out = Files.newOutputStream(folder.resolve(name + "-1.0.jar")); ZipOutputStream jar = new ZipOutputStream(out)) {
            jar.putNextEntry(new ZipEntry(name + ".txt"));
            jar.write(name.getBytes());
        }
    }

    private List<String> names() {
        return classpath.stream().map(p -> Path.of(p).getFileName().toString()).sorted().toList();
    }

    @Test
    void mavenAddsTheArtifactAndItsDependencies() throws Exception {
        assertEquals(List.of("greeting-1.0.jar", "words-1.0.jar"), maven.maven(List.of("org.example:greeting:1.0")));
        assertEquals(List.of("greeting-1.0.jar", "words-1.0.jar"), names());
        assertTrue(classpath.stream().allMatch(p -> p.startsWith(dir.resolve("local").toString())), "through the local repository");
    }

    @Test
    void mavenRepoAddsARepositoryAndFromPicksOne() throws Exception {
        assertThrows(Exception.class, () -> maven.maven(List.of("org.example:rare:1.0")), "not in central");
        maven.mavenRepo(List.of("elsewhere", dir.resolve("elsewhere").toUri().toString()));
        assertEquals(List.of("rare-1.0.jar"), maven.maven(List.of("org.example:rare:1.0")));
        assertEquals(List.of("rare-1.0.jar"), maven.maven(List.of("--from", "elsewhere", "org.example:rare:1.0")));
        assertThrows(Exception.class, () -> maven.maven(List.of("--from", "elsewhere", "org.example:words:1.0")), "only that one");
    }

    @Test
    void badArgumentsSayWhatIsExpected() {
        var noSuchRepo = assertThrows(IllegalArgumentException.class, () -> maven.maven(List.of("--from", "nowhere", "a:b:1")));
        assertTrue(noSuchRepo.getMessage().contains("%mavenRepo nowhere"), noSuchRepo.getMessage());
        var badCoordinate = assertThrows(IllegalArgumentException.class, () -> maven.maven(List.of("just-a-name")));
        assertTrue(badCoordinate.getMessage().contains("group:artifact"), badCoordinate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> maven.maven(List.of("--offline", "a:b:1")));
        assertThrows(IllegalArgumentException.class, () -> maven.mavenRepo(List.of("only-an-id")));
    }

    @Test
    void loadFromPomTakesPastedFragmentsWithTheirRepository() throws Exception {
        String fragments = "<repository><id>elsewhere</id><url>" + dir.resolve("elsewhere").toUri() + "</url></repository>\n"
                + "<dependency><groupId>org.example</groupId><artifactId>rare</artifactId><version>1.0</version></dependency>\n"
                + "<dependency><groupId>org.example</groupId><artifactId>words</artifactId><version>1.0</version>"
                + "<scope>test</scope></dependency>";
        assertEquals(List.of("rare-1.0.jar"), poms.loadFromPOMCell(List.of(), fragments), "test scope left out by default");
    }

    @Test
    void loadFromPomReadsAWholePomWithProperties() throws Exception {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<project><properties><v>1.0</v></properties>"
                + "<dependencyManagement><dependencies><dependency><groupId>org.example</groupId><artifactId>rare</artifactId>"
                + "<version>1.0</version></dependency></dependencies></dependencyManagement>"
                + "<dependencies><dependency><groupId>org.example</groupId><artifactId>greeting</artifactId>"
                + "<version>${v}</version></dependency></dependencies></project>");
        assertEquals(List.of("greeting-1.0.jar", "words-1.0.jar"), poms.loadFromPOM(List.of(pom.toString())));
        var broken = assertThrows(IllegalArgumentException.class, () -> poms.loadFromPOMCell(List.of(), "<dependency><groupId>"));
        assertTrue(broken.getMessage().contains("not well-formed"), broken.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> poms.loadFromPOMCell(List.of(),
                "<dependency><groupId>org.example</groupId><artifactId>rare</artifactId><version>${nope}</version></dependency>"));
        assertTrue(unknown.getMessage().contains("${nope}"), unknown.getMessage());
    }
}
