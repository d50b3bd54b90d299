package creativeai.rl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The reward of the composing task: named rules, each a function of a {@link Move} with a weight, summed. A notebook
 * writes the rules (stay in key, prefer steps, ...) and their weights; this class checks them (a rule set must not be
 * empty and every weight must be a finite number), adds them up, and shows which rules a melody earned its reward from
 * ({@link #breakdown} as numbers, {@link #report} as lines to read).
 */
public final class Reward {
    /** One rule with its weight: what it rewards (or, with a negative score, punishes) in a move. */
    public record Rule(String name, double weight, ToDoubleFunction<Move> score) {
        public Rule {
            if (!Double.isFinite(weight)) throw new IllegalArgumentException("the weight of rule \"" + name + "\" is " + weight + ": it must be a finite number");
        }

        /** The same rule with another weight. */
        public Rule withWeight(double newWeight) {
            return new Rule(name, newWeight, score);
        }
    }

    private final List<Rule> rules;

    public Reward(List<Rule> rules) {
        if (rules.isEmpty()) throw new IllegalArgumentException("a reward needs at least one rule");
        this.rules = List.copyOf(rules);
    }

    public static Reward of(Rule... rules) {
        return new Reward(List.of(rules));
    }

    /** The rules, in order. */
    public List<Rule> rules() {
        return rules;
    }

    /** A reward with one more rule. */
    public Reward with(Rule rule) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(rule);
        return new Reward(more);
    }

    /** Σ weight × rule(move). */
    public double score(Move move) {
        double total = 0;
        for (Rule rule : rules) total += rule.weight() * rule.score().applyAsDouble(move);
        return total;
    }

    /** The reward of a whole melody: the sum over its steps. */
    public double total(MelodyTask task, int[] melody) {
        return breakdown(task, melody).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** For each rule, the weighted reward it gave over the whole melody. */
    public Map<String, Double> breakdown(MelodyTask task, int[] melody) {
        if (melody.length != task.steps()) throw new IllegalArgumentException("a melody of this task has " + task.steps() + " steps, not " + melody.length);
        Map<String, Double> byRule = new LinkedHashMap<>();
        for (Rule rule : rules) byRule.put(rule.name(), 0.0);
        for (int step = 0; step < melody.length; step++) {
            Move move = new Move(task, java.util.Arrays.copyOf(melody, step), melody[step]);
            for (Rule rule : rules) byRule.merge(rule.name(), rule.weight() * rule.score().applyAsDouble(move), Double::sum);
        }
        return byRule;
    }

    /**
     * The breakdown as aligned lines to read, one rule a line: its name, its weight and the reward it paid over the
     * melody (weight included); then the total.
     */
    public String report(MelodyTask task, int[] melody) {
        Map<String, Double> byRule = breakdown(task, melody);
        int width = Math.max("total".length(), rules.stream().mapToInt(rule -> rule.name().length()).max().orElse(0));
        List<String> lines = new ArrayList<>();
        lines.add(line(width, "rule", "weight", "reward"));
        for (Rule rule : rules) lines.add(line(width, rule.name(), number("%.2f", rule.weight()), number("%+.2f", byRule.get(rule.name()))));
        lines.add(line(width, "total", "", number("%+.2f", byRule.values().stream().mapToDouble(Double::doubleValue).sum())));
        return String.join("\n", lines);
    }

    private static String line(int width, String name, String weight, String reward) {
        return String.format(Locale.ROOT, "%-" + width + "s  %6s  %7s", name, weight, reward);
    }

    private static String number(String format, double value) {
        return String.format(Locale.ROOT, format, value + 0.0);   // + 0.0 turns -0.0 into 0.0: no "-0.00"
    }
}
