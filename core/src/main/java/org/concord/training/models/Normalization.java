package org.concord.training.models;

import java.util.Arrays;

/**
 * Per-group mean/std computed on training rows only (never on test rows), expanded to per-position
 * shift/scale for {@link DjlNet#setInputTransform}. A group is a CNN channel (all its time slots) or one
 * tabular feature. Stored in the manifest.
 */
public record Normalization(float[] mean, float[] std, int groupLength) {
    public Normalization {
        if (mean.length != std.length || groupLength < 1) {
            throw new IllegalArgumentException("mean/std lengths differ or groupLength < 1");
        }
    }

    /**
     * Smallest std a group is scaled by: a near-constant group (a flat volume channel, a quiet feature) would otherwise
     * be blown up by 1/std into values in the millions, and training on those diverged to NaN at random.
     */
    static final double MIN_STD = 1e-3;

    /** Fits mean/std per group of {@code groupLength} consecutive positions over {@code rows} of flat {@code x}. */
    public static Normalization fit(float[] x, int rowLength, int[] rows, int groupLength) {
        if (rowLength % groupLength != 0) {
            throw new IllegalArgumentException("row length " + rowLength + " not a multiple of group length " + groupLength);
        }
        int groups = rowLength / groupLength;
        float[] mean = new float[groups];
        float[] std = new float[groups];
        for (int g = 0; g < groups; g++) {
            // two passes (mean, then squared deviations): sum-of-squares minus mean² cancels for price-like groups
            double sum = 0;
            long count = 0;
            for (int r : rows) {
                int o = r * rowLength + g * groupLength;
                for (int i = 0; i < groupLength; i++) {
                    sum += x[o + i];
                    count++;
                }
            }
            double m = count == 0 ? 0 : sum / count;
            double dev = 0;
            for (int r : rows) {
                int o = r * rowLength + g * groupLength;
                for (int i = 0; i < groupLength; i++) {
                    double d = x[o + i] - m;
                    dev += d * d;
                }
            }
            double sd = count == 0 ? 1 : Math.sqrt(dev / count);
            mean[g] = (float) m;
            std[g] = (float) Math.max(sd, MIN_STD * Math.max(1, Math.abs(m)));
        }
        return new Normalization(mean, std, groupLength);
    }

    public float[] shift() {
        float[] s = new float[mean.length * groupLength];
        for (int g = 0; g < mean.length; g++) {
            Arrays.fill(s, g * groupLength, (g + 1) * groupLength, mean[g]);
        }
        return s;
    }

    public float[] scale() {
        float[] s = new float[std.length * groupLength];
        for (int g = 0; g < std.length; g++) {
            Arrays.fill(s, g * groupLength, (g + 1) * groupLength, 1f / std[g]);
        }
        return s;
    }

    public void apply(DjlNet net) {
        net.setInputTransform(shift(), scale());
    }
}
