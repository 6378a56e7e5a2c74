package org.concord.training.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1-D convolution (stride 1, "same" zero padding, odd kernel) written as its definition: the {@code kernel}
 * shifted copies of the input side by side, then one linear map per time step. Input {@code (N, C, L)}, output
 * {@code (N, filters, L)}, the same function as DJL's {@code Conv1d}.
 *
 * <p>Why not {@code Conv1d}: PyTorch runs that through oneDNN, whose AVX2/AVX-512 convolution kernels returned NaN at
 * random on the AMD EPYC (Zen 4) machines this project is built and tested on: whole output channels of the first
 * layer's forward or weight gradient, from finite inputs and weights, more often under load. Limiting oneDNN to SSE4.1
 * ({@code ONEDNN_MAX_CPU_ISA=SSE41}) made it go away, which a desk started with {@code java -jar} cannot set. Slices,
 * concatenation and the matrix product here do not go through oneDNN.
 */
public final class UnfoldConv1d extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int kernel;
    private final int filters;
    private final Linear linear;

    public UnfoldConv1d(int kernel, int filters) {
        super(VERSION);
        if (kernel < 1 || kernel % 2 == 0 || filters < 1) {
            throw new IllegalArgumentException("an odd kernel >= 1 and filters >= 1 are required, got kernel " + kernel + ", filters " + filters);
        }
        this.kernel = kernel;
        this.filters = filters;
        this.linear = addChildBlock("linear", Linear.builder().setUnits(filters).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long length = x.getShape().get(2);
        int pad = kernel / 2;
        NDArray padded = pad == 0 ? x : x.pad(new Shape(pad, pad), 0);
        NDList shifted = new NDList(kernel);
        for (int k = 0; k < kernel; k++) {
            shifted.add(padded.get(":, :, " + k + ":" + (k + length)));
        }
        NDArray windows = NDArrays.concat(shifted, 1).transpose(0, 2, 1); // (N, L, C·K)
        NDArray y = linear.forward(store, new NDList(windows), training, params).singletonOrThrow(); // (N, L, F)
        return new NDList(y.transpose(0, 2, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), filters, s.get(2))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        linear.initialize(manager, dataType, new Shape(s.get(0), s.get(2), s.get(1) * kernel));
    }
}
