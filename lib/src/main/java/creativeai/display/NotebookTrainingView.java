package creativeai.display;

import creativeai.kernel.runtime.Display;
import creativeai.training.TrainingView;

/**
 * Training shown in the notebook: a {@link ProgressBar}, a {@link LiveChart} and pictures, redrawn in place. Outside
 * a kernel the bar and chart print text, and a picture (which has no text form worth printing) shows nothing.
 */
public final class NotebookTrainingView implements TrainingView {
    @Override
    public ProgressBar progress(String title, int totalSteps) {
        return ProgressBar.start(title, totalSteps);
    }

    @Override
    public LiveChart curves(String title, String xLabel, String yLabel) {
        return LiveChart.start(title, xLabel, yLabel);
    }

    @Override
    public Picture picture(Object image) {
        if (!Display.inNotebook()) return ignored -> { };
        String id = Display.display(image);
        return next -> Display.updateDisplay(id, next);
    }
}
