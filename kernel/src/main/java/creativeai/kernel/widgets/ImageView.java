package creativeai.kernel.widgets;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * A picture the kernel can replace in place (ipywidgets' {@code Image}): PNG bytes, sent to the front end as a
 * binary buffer, not as base64 text.
 */
public final class ImageView extends DomWidget {
    private ImageView(byte[] png) {
        super("Image");
        define("format", "png");
        define("height", "");
        define("width", "");
        define("value", png);
    }

    public static ImageView of(byte[] png) {
        return new ImageView(png);
    }

    /** A view of a picture drawn in Java (a chart, a grid of digits), encoded as PNG. */
    public static ImageView of(RenderedImage image) {
        return new ImageView(png(image));
    }

    public byte[] value() {
        return get("value");
    }

    public ImageView value(byte[] png) {
        set("value", png);
        return this;
    }

    /** Replaces the picture (the page redraws it in place). */
    public ImageView value(RenderedImage image) {
        return value(png(image));
    }

    private static byte[] png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the picture as PNG", e);
        }
        return bytes.toByteArray();
    }

    /** The width the page draws it at, in CSS (e.g. {@code "280px"}); empty: its own size. */
    public ImageView width(String width) {
        set("width", width);
        return this;
    }

    @Override
    public String fallbackHtml() {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(value()) + "\">";
    }

    @Override
    public String fallbackText() {
        return "(an image, " + value().length + " bytes)";
    }
}
