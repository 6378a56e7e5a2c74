package org.concord.training.models;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UnfoldConv1dTest {
    /** The block is a convolution: every output equals Σ_c Σ_k w[f, k·C + c] · x[c, t + k − pad] + b[f] (zero padding). */
    @Test
    void computesTheSameConvolutionAsItsDefinition() {
        int n = 2, c = 3, len = 11, kernel = 5, filters = 4;
        try (Model model = Model.newInstance("conv", Device.cpu())) {
            UnfoldConv1d conv = new UnfoldConv1d(kernel, filters);
            model.setBlock(conv);
            NDManager m = model.getNDManager();
            conv.initialize(m, DataType.FLOAT32, new Shape(n, c, len));
            Random rnd = new Random(3);
            float[] x = new float[n * c * len];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            NDArray out = conv.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(n, c, len))), false).singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(n, filters, len));
            float[] y = out.toFloatArray();
            float[] w = conv.getParameters().get(0).getValue().getArray().toFloatArray(); // linear weight (F, K·C)
            float[] b = conv.getParameters().get(1).getValue().getArray().toFloatArray();
            int pad = kernel / 2;
            for (int s = 0; s < n; s++) {
                for (int f = 0; f < filters; f++) {
                    for (int t = 0; t < len; t++) {
                        double want = b[f];
                        for (int k = 0; k < kernel; k++) {
                            int at = t + k - pad;
                            if (at < 0 || at >= len) {
                                continue;
                            }
                            for (int ch = 0; ch < c; ch++) {
                                want += w[f * kernel * c + k * c + ch] * x[(s * c + ch) * len + at];
                            }
                        }
                        assertThat(y[(s * filters + f) * len + t]).as("out[%d, %d, %d]", s, f, t).isCloseTo((float) want, within(1e-4f));
                    }
                }
            }
        }
    }

    /**
     * Training the signal CNN on real bars stays finite, fit after fit. With DJL's Conv1d (oneDNN) whole channels of
     * the first layer came out NaN at random on this project's AMD EPYC machines: most runs of this test failed.
     */
    @Test
    void trainingOnRealBarsStaysFiniteFitAfterFit() {
        FrameSpec spec = FrameSpec.of(20, Timeframe.M1, Timeframe.M5);
        BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
        SampleSet s = new SampleBuilder(new FrameBuilder(RealBars.source(), spec), new TripleBarrier(BarrierConfig.DEFAULT))
                .fromHistory(RealBars.symbol(), m1, 3);
        assertThat(s.size()).isGreaterThan(500);
        int[] rows = new int[s.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        for (long seed = 1; seed <= 4; seed++) {
            CnnSignalModel cnn = CnnSignalModel.create(spec, new CnnSignalModel.Config(8, 16, 4, 64, 0.003f), seed);
            try {
                double loss = cnn.fit(s.x(), s.labels(), rows, seed, null, null);
                assertThat(loss).as("last epoch's loss, seed %d", seed).isFinite();
                float[] p = new float[3];
                cnn.probabilities(Arrays.copyOfRange(s.x(), 0, spec.inputLength()), p);
                assertThat(p[0] + p[1] + p[2]).as("probabilities sum, seed %d", seed).isCloseTo(1f, within(1e-4f));
            } finally {
                cnn.close();
            }
        }
    }
}
