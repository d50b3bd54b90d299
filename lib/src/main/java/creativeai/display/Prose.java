package creativeai.display;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence a chapter computes from its run, printed the way an output area shows it whole: in lines of at most
 * {@link #WIDTH} characters, broken at spaces. JupyterLab breaks a longer printed line wherever it runs out of room,
 * mid-word and mid-number ("samples 15⏎8.4"). In a notebook: {@code import static creativeai.display.Prose.say;}
 * then {@code say(String.format("…", …))}.
 */
public final class Prose {
    /** Characters per line: an output area beside the file browser in a 1280-pixel window shows about 110. */
    public static final int WIDTH = 100;

    private Prose() {
    }

    /** Prints the text, each of its own lines wrapped at spaces to at most {@link #WIDTH} characters. */
    public static void say(String text) {
        lines(text).forEach(System.out::println);
    }

    /** The lines {@link #say} prints; a word longer than a line (a path) stays whole on a line of its own. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.stripTrailing().split("\n", -1)) {
            if (paragraph.length() <= WIDTH) {
                lines.add(paragraph);   // a short line stays exactly as it is, its spaces and alignment too
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
