package creativeai.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Teaches the notebook to show more types (charts, tables, audio) without the kernel knowing them: a library
 * lists its implementation in {@code META-INF/services/creativeai.kernel.runtime.RenderExtension} and the
 * kernel, and the text fallback outside a kernel, register it at start.
 */
public interface RenderExtension {
    void registerAll(Renderer renderer);
}
