package org.concord.training.models;

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

    /** Fits mean/std per group of {@code groupLength} consecutive positions over {@code rows} of flat {@code x}. */
    public static Normalization fit(float[] x, int rowLength, int[] rows, int groupLength) {
        if (rowLength % groupLength != 0) {
            throw new IllegalArgumentException("row length " + rowLength + " not a multiple of group length " + groupLength);
        }
        int groups = rowLength / groupLength;
        double[] sum = new double[groups];
        double[] sq = new double[groups];
        long count = (long) rows.length * groupLength;
        for (int r : rows) {
            int base = r * rowLength;
            for (int g = 0; g < groups; g++) {
                int o = base + g * groupLength;
                for (int i = 0; i < groupLength; i++) {
                    double v = x[o + i];
                    sum[g] += v;
                    sq[g] += v * v;
                }
            }
        }
        float[] mean = new float[groups];
        float[] std = new float[groups];
        for (int g = 0; g < groups; g++) {
            double m = count == 0 ? 0 : sum[g] / count;
            double var = count == 0 ? 1 : Math.max(0, sq[g] / count - m * m);
            mean[g] = (float) m;
            std[g] = (float) Math.max(Math.sqrt(var), 1e-6);
        }
        return new Normalization(mean, std, groupLength);
    }

    public float[] shift() {
        float[] s = new float[mean.length * groupLength];
        for (int g = 0; g < mean.length; g++) {
            java.util.Arrays.fill(s, g * groupLength, (g + 1) * groupLength, mean[g]);
        }
        return s;
    }

    public float[] scale() {
        float[] s = new float[std.length * groupLength];
        for (int g = 0; g < std.length; g++) {
            java.util.Arrays.fill(s, g * groupLength, (g + 1) * groupLength, 1f / std[g]);
        }
        return s;
    }

    public void apply(DjlNet net) {
        net.setInputTransform(shift(), scale());
    }
}
