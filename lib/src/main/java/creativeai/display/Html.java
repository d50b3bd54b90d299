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

    /** Texts next to each other, each under its title, in fixed-width type (e.g. samples at several temperatures). */
    public static Html sideBySide(java.util.List<String> titles, java.util.List<String> texts) {
        if (titles.size() != texts.size()) throw new IllegalArgumentException(titles.size() + " titles but " + texts.size() + " texts");
        StringBuilder html = new StringBuilder("<table><tr>");
        StringBuilder text = new StringBuilder();
        for (String title : titles) html.append("<th style=\"text-align:left\">").append(escape(title)).append("</th>");
        html.append("</tr><tr>");
        for (int i = 0; i < texts.size(); i++) {
            html.append("<td style=\"vertical-align:top;text-align:left\"><pre style=\"white-space:pre-wrap;max-width:30em\">")
                    .append(escape(texts.get(i))).append("</pre></td>");
            text.append("== ").append(titles.get(i)).append(" ==\n").append(texts.get(i)).append("\n\n");
        }
        return new Html(html.append("</tr></table>").toString(), text.toString().stripTrailing());
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
