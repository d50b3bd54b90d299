package creativeai.plot;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Grey square images (rows of pixels in [0, 1], or [-1, 1] for tanh outputs) laid out in a grid and enlarged, the
 * way the image chapters show real digits and generated samples side by side: {@code ImageGrid.ofRows(samples, 8, 2)}
 * is 8 images to a row, each pixel 2 × 2 screen pixels. An image's side is read from its number of pixels (784: 28).
 */
public final class ImageGrid {
    private ImageGrid() {
    }

    /** Images given as the rows of one array (each row side·side pixels), e.g. a model's samples. */
    public static BufferedImage ofRows(INDArray images, int columns, int scale) {
        List<INDArray> rows = new ArrayList<>();
        for (int i = 0; i < images.rows(); i++) rows.add(images.getRow(i));
        return of(rows, columns, scale);
    }

    /**
     * @param images  each a square matrix (side × side) or a row of side·side pixels
     * @param columns how many images to a row of the grid
     * @param scale   how many screen pixels per image pixel
     */
    public static BufferedImage of(List<INDArray> images, int columns, int scale) {
        if (images.isEmpty()) throw new IllegalArgumentException("no images to show");
        int side = (int) Math.round(Math.sqrt(images.get(0).length()));
        int rows = (images.size() + columns - 1) / columns;
        int cell = side * scale + 2;
        BufferedImage grid = new BufferedImage(columns * cell, rows * cell, BufferedImage.TYPE_BYTE_GRAY);
        double min = images.stream().mapToDouble(i -> i.minNumber().doubleValue()).min().orElse(0);
        boolean signed = min < -0.01;
        for (int n = 0; n < images.size(); n++) {
            if (images.get(n).length() != (long) side * side) {
                throw new IllegalArgumentException("image " + n + " has " + images.get(n).length() + " pixels, not " + side + "×" + side
                        + " (the first image's): a grid shows square images of one size");
            }
            INDArray image = images.get(n).reshape(side, side);
            int x0 = (n % columns) * cell + 1;
            int y0 = (n / columns) * cell + 1;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double v = image.getDouble(y, x);
                    int grey = (int) Math.round(255 * Math.max(0, Math.min(1, signed ? (v + 1) / 2 : v)));
                    int rgb = (grey << 16) | (grey << 8) | grey;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) grid.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                    }
                }
            }
        }
        return Captions.captioned(grid, images.size() + (images.size() == 1 ? " image" : " images") + " in " + rows + (rows == 1 ? " row" : " rows")
                + " of " + columns);
    }
}
