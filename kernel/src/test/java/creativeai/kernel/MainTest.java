package creativeai.kernel;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {
    @Test
    void theKernelWatchesTheProcessJupyterNamesAndOnWindowsTheOneThatStartedIt() {
        ProcessHandle self = ProcessHandle.current();
        assertEquals(Optional.of(Optional.of(self)), Main.frontEnd(Long.toString(self.pid()), false));
        assertEquals(Optional.of(self.parent()), Main.frontEnd("1868", true)); // on Windows a handle number, not an id
        assertEquals(Optional.of(Optional.empty()), Main.frontEnd(Long.toString(Long.MAX_VALUE), false)); // gone
        assertEquals(Optional.empty(), Main.frontEnd(null, false)); // not started by Jupyter: nothing to watch
        assertEquals(Optional.empty(), Main.frontEnd("not a number", false));
    }
}
