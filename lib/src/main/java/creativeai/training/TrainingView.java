package creativeai.training;

import java.util.ServiceLoader;

/**
 * What a training loop shows while it runs: a progress bar, live curves and a picture redrawn in place (a GAN's
 * samples after every round). The library's loops ({@code Trainer}, {@code ImageTrainer}, word embeddings) and the
 * {@link TrainingListener}s draw through this interface and do not know how it is shown; the display
 * package implements it for notebooks (a bar and a chart redrawn in place) and registers that implementation as a
 * service, so the training code depends on no display code. With none registered, nothing is shown.
 */
public interface TrainingView {
    /** A progress bar of {@code totalSteps} steps. */
    Progress progress(String title, int totalSteps);

    /** Empty curves with these axis labels, points added as training goes. */
    Curves curves(String title, String xLabel, String yLabel);

    /** Shows {@code image} (a {@code BufferedImage}) now; {@link Picture#show} redraws it in place. */
    Picture picture(Object image);

    /** The registered view (the notebook's), found once. */
    static TrainingView standard() {
        return Registered.VIEW;
    }

    /** A progress bar: steps done, and the latest value of each metric. */
    interface Progress {
        void step(String metric, double value);

        void metric(String name, double value);

        void advanceTo(int stepsDone);

        /** The work is complete: every step shows as done (a run whose time budget ran out finished, it did not stop short). */
        void complete();
    }

    /** A picture that changes while a model trains. */
    interface Picture {
        void show(Object image);
    }

    /** Curves that grow while a model trains. */
    interface Curves {
        /** Fixes the x axis, e.g. to the epochs planned; a max of NaN leaves the axis to grow with the data. */
        Curves xAxis(double min, double max);

        /** Series drawn with markers as well as lines (few points, e.g. once an epoch). */
        Curves markers(String... series);

        void add(String series, double x, double y);

        /** Draws the last points; returns what was drawn (a chart), or null. */
        Object finish();
    }

    /** The service found on the class path, or one that shows nothing. */
    final class Registered {
        static final TrainingView VIEW = ServiceLoader.load(TrainingView.class, TrainingView.class.getClassLoader()).findFirst().orElse(new Silent());

        private Registered() {
        }
    }

    /** Shows nothing: training outside a notebook, with no display on the class path. */
    final class Silent implements TrainingView, Progress, Curves, Picture {
        @Override
        public Progress progress(String title, int totalSteps) {
            return this;
        }

        @Override
        public Curves curves(String title, String xLabel, String yLabel) {
            return this;
        }

        @Override
        public Picture picture(Object image) {
            return this;
        }

        @Override
        public void show(Object image) {
        }

        @Override
        public void step(String metric, double value) {
        }

        @Override
        public void metric(String name, double value) {
        }

        @Override
        public void advanceTo(int stepsDone) {
        }

        @Override
        public void complete() {
        }

        @Override
        public Curves xAxis(double min, double max) {
            return this;
        }

        @Override
        public Curves markers(String... series) {
            return this;
        }

        @Override
        public void add(String series, double x, double y) {
        }

        @Override
        public Object finish() {
            return null;
        }
    }
}
