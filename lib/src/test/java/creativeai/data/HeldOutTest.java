package creativeai.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeldOutTest {
    @Test
    void theLastTenthOfATextIsHeldOut() {
        var split = HeldOut.lastTenth("abcdefghijklmnopqrst");
        assertEquals("abcdefghijklmnopqr", split.training());
        assertEquals("st", split.heldOut());
    }

    @Test
    void everyTenthItemIsHeldOutInOrder() {
        var split = HeldOut.everyTenth(IntStream.range(0, 25).boxed().toList());
        assertEquals(List.of(9, 19), split.heldOut());
        assertEquals(23, split.training().size());
        assertEquals(List.of(0, 1, 2), split.training().subList(0, 3));
    }

    @Test
    void bothImageSetsNameTheirManifestEntriesAndTheirClasses() throws Exception {
        Manifest manifest = Manifest.read(creativeai.Course.home().resolve("datasets").resolve("MANIFEST"));
        for (Mnist.Dataset dataset : Mnist.Dataset.values()) {
            for (Mnist.Split split : Mnist.Split.values()) manifest.entry(dataset.manifestName(split)); // fails for a name it lacks
            assertEquals(10, dataset.classNames().size());
        }
        assertEquals("fashion-mnist-train-images", Mnist.Dataset.FASHION.manifestName(Mnist.Split.TRAIN));
        assertEquals("7", Mnist.Dataset.DIGITS.classNames().get(7));
    }
}
