package org.concord.orchestrator;

import java.util.Arrays;
import java.util.List;

/**
 * The feature vector a model sees at a decision: the features of the RUNNING modules, module by module in the
 * configuration's order, each module's features in its own declared order, named {@code moduleId.feature}.
 * The layout changes only when a module is enabled, disabled or fails; {@link #layoutVersion()} says which.
 * Immutable (values are copied in).
 */
public final class StateVector {
    private static final double[] NO_VALUES = new double[0];
    private final long layoutVersion;
    private final List<String> names;
    private final double[] values;

    public StateVector(long layoutVersion, List<String> names, double[] values) {
        if (names == null || values == null || names.size() != values.length) {
            throw new IllegalArgumentException("names and values must have the same length");
        }
        this.layoutVersion = layoutVersion;
        this.names = List.copyOf(names);
        this.values = values.length == 0 ? NO_VALUES : values.clone(); // no features: nothing to copy on every decision
    }

    public long layoutVersion() {
        return layoutVersion;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    /** Value of {@code moduleId.feature}, or NaN when that feature is not in this layout. */
    public double get(String name) {
        int i = names.indexOf(name);
        return i < 0 ? Double.NaN : values[i];
    }

    /**
     * Whether this vector is the one {@code layoutVersion} and {@code values} would make: the same layout (the version
     * names it) and bit-for-bit the same values. The decision engine then publishes this one again instead of an
     * equal copy: a layout without features (an EMA-cross node) made a new, empty vector on every bar.
     */
    boolean holds(long layoutVersion, double[] values) {
        return this.layoutVersion == layoutVersion && Arrays.equals(this.values, values);
    }

    public double[] toArray() {
        return values.clone();
    }

    @Override
    public String toString() {
        return "StateVector[v" + layoutVersion + " " + names.size() + " features " + Arrays.toString(values) + "]";
    }
}
