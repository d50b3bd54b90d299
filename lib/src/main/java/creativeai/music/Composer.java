package creativeai.music;

import creativeai.sequence.Sampler;
import creativeai.sequence.SamplingRule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Continues a melody with a trained {@link MelodyEncoding} model: the prompt is moved to the common key and
 * encoded, the model writes bar after bar (bar lines are placed by the metre, not left to chance: the
 * sampler's filter allows a bar token exactly when a bar is full, and never the end token, so a continuation
 * has the bars asked for), and the result is moved back to the prompt's key.
 */
public final class Composer {
    private final MultiLayerNetwork net;

    public Composer(MultiLayerNetwork net) {
        this.net = net;
    }

    /** The prompt followed by what the model wrote; notes from {@code promptNotes} on are the model's. */
    public record Composition(Tune tune, int promptNotes) {
        public List<Note> continuation() {
            return tune.notes().subList(promptNotes, tune.notes().size());
        }
    }

    /** {@code bars} more bars, at the given temperature. */
    public Composition continueMelody(Tune prompt, int bars, double temperature, Random random) {
        return continueMelody(prompt, bars, SamplingRule.temperature(temperature, 0), random);
    }

    /** {@code bars} more bars, each token chosen by {@code rule} among those the metre allows. */
    public Composition continueMelody(Tune prompt, int bars, SamplingRule rule, Random random) {
        if (bars < 1) throw new IllegalArgumentException("ask for at least one bar, not " + bars);
        int shift = prompt.commonKeyShift();
        Tune common = prompt.transpose(shift);
        int perBar = MelodyEncoding.stepsPerBar(common);
        int[] encoded = MelodyEncoding.encode(common);
        int[] context = Arrays.copyOf(encoded, encoded.length - 1); // without END: the tune goes on
        Sampler sampler = new Sampler(net, MelodyEncoding.vocabularySize()).rule(rule).filter(metre(perBar));
        int[] written = sampler.continueFrom(context, bars * (perBar + 1), random);
        int[] all = new int[context.length + written.length];
        System.arraycopy(context, 0, all, 0, context.length);
        System.arraycopy(written, 0, all, context.length, written.length);
        List<Note> notes = new ArrayList<>(MelodyEncoding.decode(all));
        Tune result = common.withNotes(prompt.title() + " (continued)", notes).transpose(-shift);
        // the prompt as encoded, which can have fewer notes than as written (rests in a row merge into one)
        return new Composition(result, MelodyEncoding.decode(context).size());
    }

    /**
     * Bar tokens exactly every {@code perBar} steps, and no end token: the model would sometimes end the tune after
     * a bar or two of the eight it was asked for.
     */
    static Sampler.TokenFilter metre(int perBar) {
        return (history, token) -> {
            if (token == MelodyEncoding.END) return false;
            int sinceBar = 0;
            for (int i = history.size() - 1; i >= 0 && history.get(i) != MelodyEncoding.BAR; i--) sinceBar++;
            boolean barFull = sinceBar >= perBar;
            return token == MelodyEncoding.BAR ? barFull : !barFull;
        };
    }
}
