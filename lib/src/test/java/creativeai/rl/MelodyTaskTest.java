package creativeai.rl;

import creativeai.music.Key;
import creativeai.music.Note;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MelodyTaskTest {
    private final MelodyTask task = new MelodyTask(Key.parse("C"), 1);
    private final int c = MelodyTask.action(60), e = MelodyTask.action(64), g = MelodyTask.action(67);

    @Test
    void actionsBecomeNotesHoldsLengthenAndRestsJoin() {
        int[] bar = {c, MelodyTask.HOLD, e, g, MelodyTask.REST, MelodyTask.REST, g, MelodyTask.HOLD};
        assertEquals(List.of(new Note(60, 1.0), new Note(64, 0.5), new Note(67, 0.5), Note.rest(1.0), new Note(67, 1.0)), task.notes(bar));
        assertEquals(4.0, task.tune(bar, "test").quarters(), 1e-12);
        assertEquals("4/4", task.tune(bar, "test").meter());
        assertEquals(List.of(Note.rest(1.0)), task.notes(new int[] {MelodyTask.HOLD, MelodyTask.HOLD}));
        assertEquals("E4", MelodyTask.name(e));
        assertEquals(27, MelodyTask.actions());
    }

    @Test
    void illegalActionsPitchesAndLengthsAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MelodyTask.check(27)).getMessage().contains("no action 27"));
        assertThrows(IllegalArgumentException.class, () -> new Move(task, new int[0], -1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MelodyTask.action(59)).getMessage().contains("outside"));
        assertThrows(IllegalArgumentException.class, () -> task.tune(new int[] {c}, "short"));
        assertThrows(IllegalArgumentException.class, () -> new Move(task, new int[8], c));
        assertThrows(IllegalArgumentException.class, () -> Key.parse("H minor"));
    }

    @Test
    void movesSeeThePitchesBeforeThem() {
        Move move = new Move(task, new int[] {c, MelodyTask.HOLD, e, MelodyTask.HOLD}, MelodyTask.HOLD);
        assertEquals(64, move.sounding());
        assertEquals(64, move.previousNote(0));
        assertEquals(60, move.previousNote(1));
        assertEquals(Note.REST, move.previousNote(2));
        assertEquals(4, move.positionInBar());
        assertTrue(new Move(task, new int[7], g).isLast());
        assertEquals(Note.REST, new Move(task, new int[] {c, MelodyTask.REST}, g).previousNote(0));
    }

    @Test
    void rewardsAddWeightedRulesAndRejectBadOnes() {
        Reward reward = Reward.of(new Reward.Rule("in key", 2, m -> m.startsNote() && m.key().inScale(Math.floorMod(m.sounding(), 12)) ? 1 : 0),
                new Reward.Rule("rests", -1, m -> m.action() == MelodyTask.REST ? 1 : 0));
        int[] bar = {c, MelodyTask.REST, MelodyTask.action(61), g, MelodyTask.HOLD, MelodyTask.HOLD, MelodyTask.HOLD, MelodyTask.HOLD};
        assertEquals(Map.of("in key", 4.0, "rests", -1.0), reward.breakdown(task, bar));
        assertEquals(3.0, reward.total(task, bar), 1e-12);
        assertEquals(String.join("\n",
                "rule    weight   reward",
                "in key    2.00    +4.00",
                "rests    -1.00    -1.00",
                "total             +3.00"), reward.report(task, bar));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Reward.Rule("nan", Double.NaN, m -> 1)).getMessage().contains("finite"));
        assertThrows(IllegalArgumentException.class, () -> new Reward(List.of()));
    }
}
