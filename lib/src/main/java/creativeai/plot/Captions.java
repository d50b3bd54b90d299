package creativeai.plot;

import java.awt.image.BufferedImage;
import java.util.Hashtable;

/**
 * A line that says what a picture shows, kept with the picture itself (as a property of the {@code BufferedImage}),
 * so that a notebook's plain-text view, a screen reader and a test read "8 images in 1 row of 8, 464 × 58 pixels"
 * instead of the image's internals. Grids and charts caption what they draw; any other image is described by its size.
 */
public final class Captions {
    private static final String PROPERTY = "creativeai.caption";

    private Captions() {
    }

    /** The same pixels (not copied) with a caption. */
    public static BufferedImage captioned(BufferedImage image, String caption) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PROPERTY, caption);
        return new BufferedImage(image.getColorModel(), image.getRaster(), image.isAlphaPremultiplied(), properties);
    }

    /** The image's caption and size, or "an image" and its size when nothing captioned it. */
    public static String captionOf(BufferedImage image) {
        Object caption = image.getProperty(PROPERTY);
        String what = caption instanceof String text ? text : "an image";
        return what + ", " + image.getWidth() + " × " + image.getHeight() + " pixels";
    }
}
