package creativeai.display;

import creativeai.training.TrainingView;

/** Training shown in the notebook: a {@link ProgressBar} and a {@link LiveChart}, redrawn in place. */
public final class NotebookTrainingView implements TrainingView {
    @Override
    public ProgressBar progress(String title, int totalSteps) {
        return ProgressBar.start(title, totalSteps);
    }

    @Override
    public LiveChart curves(String title, String xLabel, String yLabel) {
        return LiveChart.start(title, xLabel, yLabel);
    }
}
