package org.nd4j.nativeblas;

import creativeai.backend.Backend;

/**
 * Lets DL4J 1.0.0-M2.1 find out that ND4J has oneDNN, so that its convolution, pooling and batch-normalisation
 * layers use their oneDNN helpers (chapter 4's DCGAN step: 250 → 130 ms). DL4J asks by reflection for
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}, the CPU backend's class and method
 * before ND4J renamed them ({@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}, {@code isUseONEDNN}); finding
 * nothing, it built every layer without its helper. This class answers under the old names. Helpers also need the
 * JVM flag {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}, which the course kernel sets.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The one method DL4J calls, on the one instance it asks for. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();
        private final boolean oneDnn = Backend.hasOneDnn();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether ND4J's native library has oneDNN (DL4J separately checks that helpers are allowed). */
        public boolean isUseMKLDNN() {
            return oneDnn;
        }
    }
}
