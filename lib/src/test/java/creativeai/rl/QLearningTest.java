package creativeai.rl;

import creativeai.music.Key;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QLearningTest {
    /**
     * A corridor of 6 cells: action 1 moves right, action 0 left (or stays at the wall); each step costs 0.1 and
     * reaching the last cell pays 1. The best policy is "always right", worth 1 − 0.1 × 4 = 0.6 from the start.
     */
    @Test
    void findsTheBestPolicyOfASmallTaskWhoseAnswerIsKnown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        QLearning agent = new QLearning(6, 2).learningRate(0.5);
        Random random = new Random(1);
        for (int episode = 0; episode < 500; episode++) {
            int state = 0;
            for (int step = 0; step < 50 && state < 5; step++) {
                int action = agent.act(state, 0.2, random);
                int next = action == 1 ? state + 1 : Math.max(0, state - 1);
                boolean done = next == 5;
                agent.update(state, action, done ? 1 : -0.1, next, done);
                state = next;
            }
        }
        for (int s = 0; s < 5; s++) assertEquals(1, agent.greedy(s), "state " + s);
        assertEquals(0.6, agent.table()[0][1], 1e-6);
        Path file = agent.save(folder.resolve("q.zip"));
        for (int s = 0; s < 5; s++) assertArrayEquals(agent.table()[s], QLearning.load(file).table()[s]);
        var missing = assertThrows(java.io.IOException.class, () -> QLearning.load(folder.resolve("none.zip")));
        assertTrue(missing.getMessage().contains("train the model first"), missing.getMessage());
    }

    /** The task's reward: notes in key, steps rather than leaps, no note repeated three times, the tonic at the end. */
    static Reward simpleRules() {
        return Reward.of(
                new Reward.Rule("in key", 1, m -> !m.startsNote() ? 0 : m.key().inScale(Math.floorMod(m.sounding(), 12)) ? 1 : -1),
                new Reward.Rule("steps", 0.5, m -> m.startsNote() && m.previousNote(0) >= 0 && Math.abs(m.sounding() - m.previousNote(0)) <= 2
                        && m.sounding() != m.previousNote(0) ? 1 : 0),
                new Reward.Rule("no repeats", 1, m -> m.startsNote() && m.sounding() == m.previousNote(0) ? -1 : 0),
                new Reward.Rule("end on the tonic", 3, m -> m.isLast() && Math.floorMod(m.sounding(), 12) == m.key().tonic() ? 1 : 0));
    }

    static int state(Move m) {
        int[] b = m.before();
        int last = b.length > 0 ? b[b.length - 1] : 0, before = b.length > 1 ? b[b.length - 2] : 0;
        return (m.step() * MelodyTask.actions() + last) * MelodyTask.actions() + before;
    }

    static int[] episode(MelodyTask task, QLearning agent, Reward reward, double epsilon, Random random, boolean learn) {
        int[] melody = new int[0];
        int states = task.steps() * MelodyTask.actions() * MelodyTask.actions();
        while (melody.length < task.steps()) {
            int s = state(new Move(task, melody, 0));
            int action = agent.act(s, epsilon, random);
            Move move = new Move(task, melody, action);
            melody = move.after();
            boolean done = melody.length == task.steps();
            if (learn) agent.update(s, action, reward.score(move), done ? 0 : state(new Move(task, melody, 0)), done);
        }
        return melody;
    }

    @Test
    void aTrainedComposerBeatsRandomNotesOnTheRulesAndAnUntrainedOneDoesNot() {
        MelodyTask task = new MelodyTask(Key.parse("C"), 1);
        Reward reward = simpleRules();
        int states = task.steps() * MelodyTask.actions() * MelodyTask.actions();
        QLearning agent = new QLearning(states, MelodyTask.actions()), untrained = new QLearning(states, MelodyTask.actions());
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) episode(task, agent, reward, Math.max(0.05, 1 - i / 2_000.0), random, true);
        double trained = reward.total(task, episode(task, agent, reward, 0, random, false));
        double untrainedScore = reward.total(task, episode(task, untrained, reward, 0, random, false));
        double randomScore = 0;
        for (int i = 0; i < 100; i++) randomScore += reward.total(task, episode(task, untrained, reward, 1, random, false)) / 100;
        assertTrue(trained > randomScore + 5, "trained " + trained + " random " + randomScore);
        assertTrue(untrainedScore < randomScore + 2, "untrained " + untrainedScore + " random " + randomScore);

        QLearning again = new QLearning(states, MelodyTask.actions());
        Random sameSeed = new Random(7);
        for (int i = 0; i < 3_000; i++) episode(task, again, reward, Math.max(0.05, 1 - i / 2_000.0), sameSeed, true);
        assertArrayEquals(agent.table()[0], again.table()[0], "the same seed gives the same table");
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> new QLearning(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new QLearning(2, 2).learningRate(0));
        assertThrows(IllegalArgumentException.class, () -> new QLearning(2, 2).discount(1.5));
    }
}
