package creativeai.rl;

import creativeai.data.ZipParts;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Tabular Q-learning (Watkins, 1989): a table of Q(s, a), the return expected after action a in state s, improved
 * after every step by Q(s, a) ← Q(s, a) + α (r + γ max_a' Q(s', a') − Q(s, a)), with ε-greedy exploration. The
 * notebook of chapter 8 writes the same rule in a cell and checks it against this one, which the tests run on a
 * task whose best policy is known.
 */
public final class QLearning {
    private static final String TABLE = "q-table.bin";
    private final double[][] q;
    private double learningRate = 0.2;
    private double discount = 1.0;

    /** A table of zeros for {@code states} × {@code actions}, with chapter 8's α = 0.2 and γ = 1 until set. */
    public QLearning(int states, int actions) {
        if (states < 1 || actions < 1) throw new IllegalArgumentException("a Q-table needs states and actions, not " + states + " × " + actions);
        this.q = new double[states][actions];
    }

    /** The step size α of the update: how far each update moves Q(s, a) towards its target. */
    public QLearning learningRate(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("the learning rate α must be in (0, 1], not " + alpha);
        learningRate = alpha;
        return this;
    }

    /** The discount γ: what a reward one step later is worth now (1: as much). */
    public QLearning discount(double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("the discount γ must be in [0, 1], not " + gamma);
        discount = gamma;
        return this;
    }

    /** Saves the table and its two rates as the one part of the checkpoint {@code file}, atomically; returns the file. */
    public Path save(Path file) throws IOException {
        return ZipParts.write(file, Map.of(TABLE, stream -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
            out.writeInt(q.length);
            out.writeInt(q[0].length);
            out.writeDouble(learningRate);
            out.writeDouble(discount);
            for (double[] row : q) for (double value : row) out.writeDouble(value);
            out.flush();
        }));
    }

    /** A table saved by {@link #save}; a missing or unreadable file gets a message that says what to do. */
    public static QLearning load(Path file) throws IOException {
        return ZipParts.read(file, TABLE).get(TABLE, stream -> {
            DataInputStream in = new DataInputStream(stream);
            QLearning loaded = new QLearning(in.readInt(), in.readInt()).learningRate(in.readDouble()).discount(in.readDouble());
            for (double[] row : loaded.q) for (int a = 0; a < row.length; a++) row[a] = in.readDouble();
            return loaded;
        });
    }

    public double[][] table() {
        return q;
    }

    /** The action with the highest Q in this state (the lowest-numbered one among equals). */
    public int greedy(int state) {
        int best = 0;
        for (int a = 1; a < q[state].length; a++) if (q[state][a] > q[state][best]) best = a;
        return best;
    }

    /** With probability ε a random action (exploring), else the greedy one. */
    public int act(int state, double epsilon, Random random) {
        return random.nextDouble() < epsilon ? random.nextInt(q[state].length) : greedy(state);
    }

    /** One update after a step from {@code state} by {@code action} with {@code reward} to {@code next} ({@code done}: there is no next). */
    public void update(int state, int action, double reward, int next, boolean done) {
        double target = reward + (done ? 0 : discount * q[next][greedy(next)]);
        q[state][action] += learningRate * (target - q[state][action]);
    }
}
