package creativeai.originality;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import creativeai.Course;
import creativeai.data.AtomicFiles;
import creativeai.data.Manifest;
import creativeai.data.ManifestEntry;
import creativeai.data.Sha256;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a generated work came from: what it is, the model and the checkpoint files that made it (with their
 * SHA-256), the seed and sampling settings, the training data with its licences, the course version and the
 * time. {@link #save} writes a work with its record embedded where the format has room (a PNG text chunk, a MIDI
 * text event, a WAV INFO comment) and in a sidecar {@code <file>.provenance.json}; {@link #read} and
 * {@link #verify} check a file against its record later. The record holds the SHA-256 of the work's content
 * (pixels, notes, samples, text), so a changed work no longer matches. It is not a signature: whoever can edit the
 * file can also rewrite the record (signed manifests such as C2PA's content credentials close that gap).
 *
 * <pre>{@code
 * Provenance.of("sonnet", "sonnets-lstm").seed(42).setting("temperature", "0.8")
 *     .checkpoint(Course.checkpoint("sonnets-lstm")).trainedOn("shakespeare-sonnets")
 *     .save(Path.of("sonnet.txt"), text);
 * }</pre>
 */
public record Provenance(String work, String model, Map<String, String> checkpoints, long seed, Map<String, String> settings,
                         List<Dataset> datasets, String course, String created, String contentSha256) {
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();
    private static final Gson ONE_LINE = new GsonBuilder().disableHtmlEscaping().create();
    private static final String SIDECAR = ".provenance.json";

    /** A training dataset as datasets/MANIFEST names it, with its licence and whom to credit. */
    public record Dataset(String name, String licence, String attribution) {
    }

    public Provenance {
        checkpoints = ordered(checkpoints);
        settings = ordered(settings);
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    /** A new record of {@code work} ("sample grid", "sonnet") made by {@code model}, dated now. */
    public static Provenance of(String work, String model) {
        return new Provenance(work, model, Map.of(), 0, Map.of(), List.of(), "Creative AI in Java " + courseVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null);
    }

    public Provenance seed(long newSeed) {
        return changed(draft -> draft.seed = newSeed);
    }

    /** One sampling or training setting (temperature, top-k, round, ...), by name. */
    public Provenance setting(String name, Object value) {
        return changed(draft -> draft.settings.put(name, String.valueOf(value)));
    }

    /** The checkpoint file the model was loaded from or saved to, by name and SHA-256 (a missing file is an error). */
    public Provenance checkpoint(Path file) {
        String sha256;
        try {
            sha256 = Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the checkpoint " + file + " for the provenance record: " + e.getMessage(), e);
        }
        return changed(draft -> draft.checkpoints.put(file.getFileName().toString(), sha256));
    }

    /** The training data, by the names datasets/MANIFEST gives it; the manifest supplies licence and attribution. */
    public Provenance trainedOn(String... manifestNames) {
        Manifest manifest;
        try {
            manifest = Manifest.read(Course.home().resolve("datasets").resolve("MANIFEST"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed(draft -> {
            for (String name : manifestNames) {
                ManifestEntry entry = manifest.entry(name);
                draft.datasets.add(new Dataset(name, entry.licence(), entry.attribution()));
            }
        });
    }

    /** Writes {@code content} (the bytes of a PNG, MIDI, WAV or any other file) with this record, atomically. */
    public Path save(Path file, byte[] content) throws IOException {
        ProvenanceCarrier carrier = ProvenanceCarrier.forFile(file);
        Provenance record = withContentSha256(carrier.contentSha256(content));
        byte[] stamped = carrier.embed(content, record.toJson(false));
        AtomicFiles.write(file, partial -> Files.write(partial, stamped));
        JsonObject sidecar = JSON.toJsonTree(record).getAsJsonObject();
        sidecar.addProperty("fileSha256", Sha256.of(stamped));
        AtomicFiles.write(sidecar(file), partial -> Files.writeString(partial, JSON.toJson(sidecar) + "\n"));
        return file;
    }

    /** Writes an image as a PNG with this record. */
    public Path save(Path file, BufferedImage image) throws IOException {
        var png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) throw new IOException("no PNG writer for this image");
        return save(file, png.toByteArray());
    }

    /** Writes text (UTF-8) with this record, which goes in the sidecar only: plain text has no room for it. */
    public Path save(Path file, String text) throws IOException {
        return save(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The record of a file: the embedded one, else the sidecar's; empty when it has neither. */
    public static Optional<Provenance> read(Path file) throws IOException {
        Optional<Provenance> embedded = embedded(file);
        return embedded.isPresent() ? embedded : sidecarRecord(file);
    }

    /** Checks that a file still is the work its record describes; every mismatch is named in the result. */
    public static Verification verify(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ProvenanceCarrier carrier = ProvenanceCarrier.forFile(file);
        List<String> problems = new ArrayList<>();
        Optional<Provenance> embedded = parse(carrier.read(bytes), file);
        Optional<JsonObject> sidecarTree = sidecarTree(file);
        Optional<Provenance> sidecar = sidecarTree.isPresent() ? parse(sidecarTree.map(JsonObject::toString), sidecar(file)) : Optional.empty();
        Provenance record = embedded.or(() -> sidecar).orElse(null);
        if (record == null) {
            problems.add("it carries no provenance record, neither embedded nor in " + sidecar(file).getFileName());
            return new Verification(file, null, problems);
        }
        String content = carrier.contentSha256(bytes);
        if (!content.equals(record.contentSha256())) {
            problems.add("its content changed after the record was written (content SHA-256 " + content
                    + ", the record says " + record.contentSha256() + ")");
        }
        if (sidecar.isPresent()) {
            var fileSha256 = sidecarTree.get().get("fileSha256");
            if (fileSha256 == null || !Sha256.of(bytes).equals(fileSha256.getAsString())) {
                problems.add("the file is not the one its sidecar describes" + (embedded.isEmpty() && carrier.embeds()
                        ? ": its embedded record is gone (saved again by a program that drops metadata?)" : ""));
            }
            if (embedded.isPresent() && !embedded.get().equals(sidecar.get())) {
                problems.add("the embedded record and the sidecar " + sidecar(file).getFileName() + " disagree");
            }
        }
        return new Verification(file, record, problems);
    }

    /** The sidecar file next to {@code file}: {@code <file>.provenance.json}. */
    public static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR);
    }

    /** The record as JSON, indented for reading or on one line. */
    public String toJson(boolean indented) {
        return (indented ? JSON : ONE_LINE).toJson(this);
    }

    /** The training data's licences and the model, in a few lines for a caption. */
    public String summary() {
        StringBuilder text = new StringBuilder(work + " by " + model + ", seed " + seed + ", " + created);
        datasets.forEach(d -> text.append("\n  trained on ").append(d.name()).append(" (").append(d.licence()).append(")"));
        return text.toString();
    }

    private Provenance withContentSha256(String sha256) {
        return changed(draft -> draft.contentSha256 = sha256);
    }

    /** A copy of this record with some fields changed: the one place the withers build a record. */
    private Provenance changed(java.util.function.Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new Provenance(work, model, draft.checkpoints, draft.seed, draft.settings, draft.datasets, course, created, draft.contentSha256);
    }

    /** The fields a wither may change, as mutable copies. */
    private static final class Draft {
        final Map<String, String> checkpoints;
        final Map<String, String> settings;
        final List<Dataset> datasets;
        long seed;
        String contentSha256;

        Draft(Provenance from) {
            checkpoints = new LinkedHashMap<>(from.checkpoints);
            settings = new LinkedHashMap<>(from.settings);
            datasets = new ArrayList<>(from.datasets);
            seed = from.seed;
            contentSha256 = from.contentSha256;
        }
    }

    private static Optional<Provenance> embedded(Path file) throws IOException {
        return parse(ProvenanceCarrier.forFile(file).read(Files.readAllBytes(file)), file);
    }

    private static Optional<Provenance> sidecarRecord(Path file) throws IOException {
        Path sidecar = sidecar(file);
        return Files.exists(sidecar) ? parse(Optional.of(Files.readString(sidecar)), sidecar) : Optional.empty();
    }

    /** The sidecar as JSON: its record and the SHA-256 of the whole file it describes. */
    private static Optional<JsonObject> sidecarTree(Path file) throws IOException {
        Path sidecar = sidecar(file);
        if (!Files.exists(sidecar)) return Optional.empty();
        try {
            JsonObject tree = JSON.fromJson(Files.readString(sidecar), JsonObject.class);
            if (tree == null) throw new JsonParseException("it is empty");
            return Optional.of(tree);
        } catch (JsonParseException e) {
            throw new IOException("the provenance record of " + sidecar + " is not valid: " + e.getMessage(), e);
        }
    }

    private static Optional<Provenance> parse(Optional<String> json, Path origin) throws IOException {
        if (json.isEmpty()) return Optional.empty();
        try {
            Provenance record = JSON.fromJson(json.get(), Provenance.class);
            if (record == null || record.work() == null) throw new JsonParseException("it names no work");
            return Optional.of(record);
        } catch (JsonParseException e) {
            throw new IOException("the provenance record of " + origin + " is not valid: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static String courseVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/creativeai/course.properties")) {
            Properties properties = new Properties();
            if (in != null) properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
