package org.concord.coordination;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One number per bucket as an immutable {@code Map<Bucket, Double>}, kept as a {@code double[]} in bucket order: an
 * allocation step records three of these every few bars for the whole run, and building them as boxed map entries
 * cost more than the step's maths. Boxing happens only when a reader asks (a report, a chart, JSON). Equal to any map
 * with the same entries.
 */
public final class BucketValues extends AbstractMap<Bucket, Double> {
    private final double[] values;

    private BucketValues(double[] values) {
        this.values = values;
    }

    /** A copy of {@code values}, one per bucket in bucket order. */
    public static BucketValues of(double[] values) {
        if (values == null || values.length != Bucket.COUNT) {
            throw new IllegalArgumentException("one value per bucket expected");
        }
        return new BucketValues(values.clone());
    }

    /** The value of {@code b}, unboxed. */
    public double value(Bucket b) {
        return values[b.ordinal()];
    }

    @Override
    public Double get(Object key) {
        return key instanceof Bucket b ? values[b.ordinal()] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Bucket;
    }

    @Override
    public int size() {
        return Bucket.COUNT;
    }

    @Override
    public Set<Entry<Bucket, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Bucket, Double>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < Bucket.COUNT;
                    }

                    @Override
                    public Entry<Bucket, Double> next() {
                        if (i >= Bucket.COUNT) {
                            throw new NoSuchElementException();
                        }
                        Bucket b = Bucket.at(i);
                        return new SimpleImmutableEntry<>(b, values[i++]);
                    }
                };
            }

            @Override
            public int size() {
                return Bucket.COUNT;
            }
        };
    }
}
