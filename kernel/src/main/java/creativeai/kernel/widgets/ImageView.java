package creativeai.kernel.widgets;

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

    public byte[] value() {
        return get("value");
    }

    public ImageView value(byte[] png) {
        set("value", png);
        return this;
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
