package creativeai.data;

import java.util.ArrayList;
import java.util.List;

/**
 * How the text and music chapters keep part of a corpus unseen, to score a model on what it never learned from,
 * written once so that chapters 2, 3, 6, 8 and 9, the benchmarks and the tests all hold out the same part: the
 * last tenth of the sonnets' characters, and every tenth tune.
 */
public final class HeldOut {
    private HeldOut() {
    }

    /** A text cut in two: the first 90 % to learn from, the last 10 % held out. */
    public record Text(String training, String heldOut) {
    }

    /** Items dealt out: every tenth (the 10th, 20th, …) held out, the rest to learn from, each in corpus order. */
    public record Items<T>(List<T> training, List<T> heldOut) {
        public Items {
            training = List.copyOf(training);
            heldOut = List.copyOf(heldOut);
        }
    }

    public static Text lastTenth(String text) {
        int cut = text.length() * 9 / 10;
        return new Text(text.substring(0, cut), text.substring(cut));
    }

    public static <T> Items<T> everyTenth(List<T> items) {
        List<T> training = new ArrayList<>(), heldOut = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) (i % 10 == 9 ? heldOut : training).add(items.get(i));
        return new Items<>(training, heldOut);
    }
}
