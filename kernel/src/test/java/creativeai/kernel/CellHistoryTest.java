package creativeai.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellHistoryTest {
    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(e -> e.getCellNumber() + ":" + e.getInput()).toList();
    }

    private final CellHistory history = new CellHistory();

    CellHistoryTest() {
        for (String cell : List.of("int a = 1;", "a + 1", "String s = \"a*b\";", "a + 1")) history.add(cell);
    }

    @Test
    void tailAndRangeAreNumberedFromOne() {
        assertEquals(List.of("3:String s = \"a*b\";", "4:a + 1"), inputs(history.lookupTail(2, Set.of())));
        assertEquals(List.of("2:a + 1", "3:String s = \"a*b\";"), inputs(history.lookupRange(0, 2, 4, Set.of())));
        assertEquals(List.of("3:String s = \"a*b\";", "4:a + 1"), inputs(history.lookupRange(0, 3, 0, Set.of())));
        assertEquals(List.of(), inputs(history.lookupRange(1, 1, 3, Set.of())), "earlier sessions are not kept");
    }

    @Test
    void outputIsKeptForEachCellAndGivenOnlyWhenAskedFor() {
        history.setLastOutput("2");
        List<HistoryEntry> withOutput = history.lookupTail(2, Set.of(ResultFlag.INCLUDE_OUTPUT));
        assertEquals(java.util.Arrays.asList(null, "2"), withOutput.stream().map(HistoryEntry::getOutput).toList());
        assertEquals(java.util.Arrays.asList(null, null), history.lookupTail(2, Set.of()).stream().map(HistoryEntry::getOutput).toList());
    }

    @Test
    void searchMatchesGlobsLiterallyOtherwiseAndKeepsTheLatestOfRepeats() {
        assertEquals(List.of("2:a + 1", "4:a + 1"), inputs(history.search("a + ?", 0, Set.of())));
        assertEquals(List.of("4:a + 1"), inputs(history.search("a + ?", 0, Set.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("3:String s = \"a*b\";"), inputs(history.search("*\"a*b\"*", 10, Set.of())));
        assertEquals(List.of("4:a + 1"), inputs(history.search("*", 1, Set.of())));
    }
}
