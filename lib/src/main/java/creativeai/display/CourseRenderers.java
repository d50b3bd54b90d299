package creativeai.display;

import creativeai.kernel.runtime.RenderExtension;
import creativeai.plot.Captions;
import creativeai.plot.Charts;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;

/**
 * How the course's types look in a notebook: XChart charts as PNG images, pictures as PNG with their caption as
 * text, Tablesaw tables as HTML tables, ND4J arrays as their shape and values. Found by the kernel through Java's ServiceLoader.
 */
public final class CourseRenderers implements RenderExtension {
    @Override
    public void registerAll(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((chart, context) -> picture(Charts.image(chart), context));
        renderer.createRegistration(BufferedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register(CourseRenderers::picture);
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> TableHtml.of(table).render(context));
        renderer.createRegistration(INDArray.class)
                .preferring(MIMEType.TEXT_PLAIN)
                .register((array, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN,
                        () -> array.shapeInfoToString().lines().findFirst().orElse("") + "\n" + array));
    }

    /** A picture as PNG, with its caption (what it shows, its size) as the plain-text view. */
    private static void picture(BufferedImage image, RenderContext context) {
        Image.renderImage(image, context);
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Captions.captionOf(image));
    }
}
