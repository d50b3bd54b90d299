package creativeai.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.registry.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.registry.LineMagic;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IJava's {@code %loadFromPOM pom.xml [scopes]} and {@code %%loadFromPOM [scopes]}: the dependencies of a POM, or of
 * the {@code <dependency>} and {@code <repository>} elements pasted into the cell from a README, resolved with
 * their own dependencies and added to the notebook. Scopes default to compile, runtime, system and import;
 * {@code ${property}} versions are filled from the POM's {@code <properties>}. Repositories come from the POM
 * (Maven Central is always searched), not from {@code %mavenRepo}.
 */
public final class PomMagics {
    private static final List<String> DEFAULT_SCOPES = List.of("compile", "runtime", "system", "import");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final MavenMagic maven;

    public PomMagics(MavenMagic maven) {
        this.maven = maven;
    }

    @LineMagic
    public List<String> loadFromPOM(List<String> args) throws IOException, DependencyResolutionException {
        if (args.isEmpty()) throw new IllegalArgumentException("%loadFromPOM needs the path of a POM file");
        Path pom = Path.of(args.get(0));
        if (!Files.isRegularFile(pom)) throw new IllegalArgumentException("%loadFromPOM: " + pom + " is not a file");
        return load(Files.readString(pom), args.subList(1, args.size()));
    }

    @CellMagic("loadFromPOM")
    public List<String> loadFromPOMCell(List<String> scopes, String body) throws DependencyResolutionException {
        return load(body, scopes);
    }

    private List<String> load(String xml, List<String> scopes) throws DependencyResolutionException {
        Element root = parse(xml);
        Map<String, String> properties = properties(root);
        List<String> wanted = scopes.isEmpty() ? DEFAULT_SCOPES : scopes;
        List<Dependency> dependencies = new ArrayList<>();
        for (Element dependency : elements(root, "dependency")) {
            if (isInside(dependency, "dependencyManagement") || isInside(dependency, "plugin")) continue;
            String scope = optional(dependency, "scope", "compile", properties);
            if (!wanted.contains(scope)) continue;
            String extension = optional(dependency, "type", "jar", properties);
            String classifier = optional(dependency, "classifier", "", properties);
            String version = optional(dependency, "version", null, properties);
            String name = required(dependency, "groupId", properties) + ":" + required(dependency, "artifactId", properties);
            if (version == null) throw new IllegalArgumentException("%loadFromPOM: " + name + " has no <version>");
            dependencies.add(new Dependency(new DefaultArtifact(name + ":" + extension
                    + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version), scope.equals("compile") ? "runtime" : scope));
        }
        if (dependencies.isEmpty()) throw new IllegalArgumentException("%loadFromPOM: no <dependency> with scope " + wanted);
        Map<String, String> repositories = new LinkedHashMap<>(maven.central());
        for (Element repository : elements(root, "repository")) {
            repositories.put(optional(repository, "id", "repository-" + repositories.size(), properties), required(repository, "url", properties));
        }
        return maven.addAll(maven.resolve(dependencies, repositories));
    }

    /** The XML as a document: a whole {@code <project>}, or loose fragments gathered under one root. */
    private static Element parse(String xml) {
        String trimmed = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
        String document = trimmed.startsWith("<project") ? trimmed : "<fragments>" + trimmed + "</fragments>";
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document parsed = factory.newDocumentBuilder().parse(new InputSource(new StringReader(document)));
            return parsed.getDocumentElement();
        } catch (SAXException e) {
            throw new IllegalArgumentException("%loadFromPOM: the POM is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("%loadFromPOM: could not read the POM: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(Element root) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element block : elements(root, "properties")) {
            for (Node child = block.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element property) properties.put(property.getTagName(), property.getTextContent().strip());
            }
        }
        return properties;
    }

    private static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) found.add((Element) nodes.item(i));
        return found;
    }

    private static boolean isInside(Element element, String tag) {
        for (Node parent = element.getParentNode(); parent != null; parent = parent.getParentNode()) {
            if (parent instanceof Element e && e.getTagName().equals(tag)) return true;
        }
        return false;
    }

    /** The text of the element's child with that tag, properties filled in; the fallback if there is none. */
    private static String optional(Element parent, String tag, String fallback, Map<String, String> properties) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(tag)) return fill(e.getTextContent().strip(), properties);
        }
        return fallback;
    }

    /** The same, for a child the element must have. */
    private static String required(Element parent, String tag, Map<String, String> properties) {
        String text = optional(parent, tag, null, properties);
        if (text == null) throw new IllegalArgumentException("%loadFromPOM: a <" + parent.getTagName() + "> has no <" + tag + ">");
        return text;
    }

    private static String fill(String value, Map<String, String> properties) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String known = properties.get(m.group(1));
            if (known == null) throw new IllegalArgumentException("%loadFromPOM: ${" + m.group(1) + "} is not in the POM's <properties>");
            m.appendReplacement(filled, Matcher.quoteReplacement(known));
        }
        return m.appendTail(filled).toString();
    }
}
