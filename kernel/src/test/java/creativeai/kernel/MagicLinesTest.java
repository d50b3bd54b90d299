package creativeai.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicLinesTest {
    private static List<String> magics(String cell) {
        return MagicLines.find(cell).stream().map(line -> line.java() + line.magic()).toList();
    }

    @Test
    void findsMagicsOnTheirOwnLinesAndInAssignments() {
        String cell = "%maven a:b:1\nint x = 1;\nList<String> jars = %jars lib/*.jar\n%load helpers.jsh";
        assertEquals(List.of("%maven a:b:1", "List<String> jars = %jars lib/*.jar", "%load helpers.jsh"), magics(cell));
        var assigned = MagicLines.find(cell).get(1);
        assertTrue(assigned.inExpression());
        assertEquals("%jars lib/*.jar", assigned.magic());
    }

    @Test
    void aPercentInsideATextBlockAStringOrACommentIsJava() {
        String cell = String.join("\n",
                "String table = \"\"\"",
                "%d rows",
                "%maven not:a:magic",
                "\"\"\";",
                "/*",
                "%jars not.jar",
                "*/",
                "String s = \"a \\\" = %jars x\";",
                "int r = 7 % 3;",
                "r %= 2;",
                "%classpath real");
        assertEquals(List.of("%classpath real"), magics(cell));
    }

    @Test
    void magicLinesKeepTheirPlaceSoLineNumbersHold() {
        String cell = "%maven a:b:1\r\nint x = 1;";
        var line = MagicLines.find(cell).get(0);
        assertEquals(0, line.start());
        assertEquals("%maven a:b:1".length(), line.end());
    }
}
