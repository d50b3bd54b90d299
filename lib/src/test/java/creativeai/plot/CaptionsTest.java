package creativeai.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CaptionsTest {
    @Test
    void aGridSaysHowManyImagesAndHowTheyAreLaidOut() {
        BufferedImage grid = ImageGrid.ofRows(Nd4j.rand(DataType.FLOAT, 10, 784), 8, 2);
        assertEquals("10 images in 2 rows of 8, 464 × 116 pixels", Captions.captionOf(grid));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, grid.getType());
    }

    @Test
    void chartsAreNamedByTheirTitles() {
        XYChart loss = Charts.lines("Loss", "step", "loss");
        loss.addSeries("training", new double[] {1, 2}, new double[] {3, 2});
        XYChart samples = Charts.lines("Samples", "x", "y");
        samples.addSeries("points", new double[] {1, 2}, new double[] {1, 2});
        assertEquals("chart: Loss, 640 × 360 pixels", Captions.captionOf(Charts.image(loss)));
        assertEquals("charts side by side: Loss; Samples, 1280 × 360 pixels", Captions.captionOf(Charts.row(List.of(loss, samples))));
    }

    @Test
    void aCaptionKeepsThePixelsAndAnyOtherImageIsDescribedBySize() {
        BufferedImage plain = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        assertEquals("an image, 3 × 2 pixels", Captions.captionOf(plain));
        BufferedImage captioned = Captions.captioned(plain, "a red dot");
        plain.setRGB(1, 1, 0xff0000);
        assertEquals(0xff0000, captioned.getRGB(1, 1) & 0xffffff);
        assertEquals("a red dot, 3 × 2 pixels", Captions.captionOf(captioned));
    }
}
