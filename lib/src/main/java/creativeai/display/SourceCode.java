package creativeai.display;

import creativeai.Course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A course library class's source, shown in the notebook with Java's keywords, comments and strings coloured:
 * {@code SourceCode.of(Trainer.class)}, for the reader who wants to see what a helper does. The source is read
 * from the course's own {@code lib/src/main/java}, so what is shown is what runs.
 */
public final class SourceCode {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<comment>/\\*.*?\\*/|//[^\\n]*)|(?<string>\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])')|(?<annotation>@\\w+)"
                    + "|(?<keyword>\\b(?:abstract|boolean|break|case|catch|char|class|continue|default|do|double|else|enum|extends"
                    + "|final|finally|float|for|if|implements|import|instanceof|int|interface|long|new|null|package|private"
                    + "|protected|public|record|return|static|super|switch|this|throw|throws|try|var|void|while|true|false)\\b)",
            Pattern.DOTALL);

    private SourceCode() {
    }

    /** The source of a top-level course class, highlighted; an error names the file when the source is not there. */
    public static Html of(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) outer = outer.getEnclosingClass();
        Path file = Course.home().resolve("lib/src/main/java").resolve(outer.getName().replace('.', '/') + ".java");
        try {
            return highlighted(outer.getSimpleName() + ".java", Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("no source for " + type.getName() + " at " + file
                    + ": only the course library's own classes can be shown", e);
        }
    }

    /** Java code as coloured HTML, with the plain code as its text form. */
    public static Html highlighted(String title, String code) {
        StringBuilder html = new StringBuilder("<details><summary><code>").append(Html.escape(title))
                .append("</code> (click to open)</summary><pre style=\"font-size:90%;line-height:1.3\">");
        Matcher m = TOKENS.matcher(code);
        int at = 0;
        while (m.find()) {
            html.append(Html.escape(code.substring(at, m.start())));
            String colour = m.group("comment") != null ? "#6a737d" : m.group("string") != null ? "#032f62"
                    : m.group("annotation") != null ? "#e36209" : "#d73a49";
            html.append("<span style=\"color:").append(colour).append("\">").append(Html.escape(m.group())).append("</span>");
            at = m.end();
        }
        html.append(Html.escape(code.substring(at))).append("</pre></details>");
        return new Html(html.toString(), code);
    }
}
