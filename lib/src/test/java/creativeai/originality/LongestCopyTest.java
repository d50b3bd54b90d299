package creativeai.originality;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LongestCopyTest {
    private final LongestCopy copies = new LongestCopy(List.of(new int[] {1, 2, 3, 4, 5, 6}, new int[] {9, 8, 7, 6, 5, 4, 3, 2}), 3);

    @Test
    void findsTheLongestVerbatimRunAndWhereItCameFrom() {
        LongestCopy.Match match = copies.find(new int[] {0, 8, 7, 6, 5, 0, 2, 3, 4});
        assertEquals(4, match.length());
        assertEquals(1, match.sequence());
        assertEquals(1, match.position());
        assertEquals(1, match.generatedPosition());
    }

    @Test
    void runsShorterThanTheSeedDoNotCount() {
        assertEquals(0, copies.find(new int[] {1, 2, 0, 5, 6}).length());
        assertEquals(0, copies.find(new int[] {1}).length());
    }
}
