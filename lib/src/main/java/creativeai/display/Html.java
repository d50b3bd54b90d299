package creativeai.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Set;

/** A piece of HTML for the notebook, with the plain text shown where HTML cannot be (a terminal, a test). */
public record Html(String html, String text) implements DisplayDataRenderable {

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
    }

    @Override
    public void render(RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html);
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A link that downloads the bytes as a file; the file travels inside the page, so it works offline and in exported HTML. */
    public static Html download(String fileName, String mimeType, byte[] bytes) {
        String href = "data:" + mimeType + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
        return new Html("<a download=\"" + escape(fileName) + "\" href=\"" + href + "\">⬇ " + escape(fileName) + "</a> ("
                + String.format("%,d", bytes.length) + " bytes)", fileName + " (" + bytes.length + " bytes)");
    }

    /** Escapes text for use inside HTML. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
