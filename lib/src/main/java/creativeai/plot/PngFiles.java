package creativeai.plot;

import creativeai.data.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves images as PNG files that say who made them: each entry of {@code facts} (model, epoch, seed, ...)
 * becomes a PNG text chunk, which image viewers and {@code exiftool} show. Written atomically.
 */
public final class PngFiles {
    private PngFiles() {
    }

    public static Path save(BufferedImage image, Path file, Map<String, String> facts) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        facts.forEach((key, value) -> {
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", key);
            entry.setAttribute("value", value);
            text.appendChild(entry);
        });
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        return AtomicFiles.write(file, partial -> {
            try (ImageOutputStream out = ImageIO.createImageOutputStream(partial.toFile())) {
                writer.setOutput(out);
                writer.write(new IIOImage(image, null, metadata));
            } finally {
                writer.dispose();
            }
        });
    }

    /** The text chunks of a PNG file (what {@link #save} wrote). */
    public static Map<String, String> facts(Path file) throws IOException {
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            var tree = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var entries = tree.getElementsByTagName("tEXtEntry");
            var facts = new java.util.LinkedHashMap<String, String>();
            for (int i = 0; i < entries.getLength(); i++) {
                var entry = (IIOMetadataNode) entries.item(i);
                facts.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
            }
            return facts;
        }
    }
}
