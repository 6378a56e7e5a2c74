package org.concord.training.models;

import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

/** The meta-model as a Smile random forest (pure Java; saved with Java serialization). */
public final class ForestMetaModel implements MetaModel {
    public static final String FILE = "meta-forest.ser";

    /** Hyperparameters (searched at random by the training loop). */
    public record Params(int trees, int maxDepth, int nodeSize, double subsample) {
        public Params {
            if (trees < 1 || maxDepth < 2 || nodeSize < 1 || !(subsample > 0 && subsample <= 1)) {
                throw new IllegalArgumentException("forest params out of range: " + this);
            }
        }
    }

    private final int width;
    private final Params params;
    private RandomForest forest;
    private StructType schema;

    public ForestMetaModel(int width, Params params) {
        this.width = width;
        this.params = params;
    }

    @Override
    public String kind() {
        return "forest";
    }

    @Override
    public void fit(float[] x, int w, int[] y, int[] rows, long seed, BooleanSupplier cancelled) {
        if (w != width) {
            throw new IllegalArgumentException("width " + w + " != model width " + width);
        }
        double[][] data = new double[rows.length][width];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                data[i][j] = x[rows[i] * width + j];
            }
            labels[i] = y[rows[i]];
        }
        String[] names = new String[width];
        for (int j = 0; j < width; j++) {
            names[j] = "f" + j;
        }
        DataFrame df = DataFrame.of(data, names).merge(IntVector.of("y", labels));
        int mtry = Math.max(1, (int) Math.sqrt(width));
        forest = RandomForest.fit(Formula.lhs("y"), df, params.trees(), mtry, SplitRule.GINI, params.maxDepth(), 1 << 12,
                params.nodeSize(), params.subsample(), null, LongStream.range(seed, seed + params.trees()));
        schema = DataFrame.of(new double[1][width], names).schema();
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("training cancelled after forest fit");
        }
    }

    @Override
    public double probability(float[] x, int offset) {
        if (forest == null) {
            throw new IllegalStateException("forest not trained");
        }
        double[] row = new double[width];
        for (int j = 0; j < width; j++) {
            row[j] = x[offset + j];
        }
        double[] post = new double[2];
        forest.predict(Tuple.of(row, schema), post);
        return post[1];
    }

    @Override
    public double[] importance() {
        return forest == null ? null : forest.importance();
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trees", params.trees());
        m.put("maxDepth", params.maxDepth());
        m.put("nodeSize", params.nodeSize());
        m.put("subsample", params.subsample());
        return m;
    }

    public Params hyper() {
        return params;
    }

    @Override
    public void save(Path dir) {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(dir.resolve(FILE)))) {
            out.writeObject(forest);
            out.writeObject(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write forest " + dir, e);
        }
    }

    public static ForestMetaModel load(Path dir, int width, Params params) {
        ForestMetaModel m = new ForestMetaModel(width, params);
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(dir.resolve(FILE)))) {
            m.forest = (RandomForest) in.readObject();
            m.schema = (StructType) in.readObject();
            return m;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot read forest " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        forest = null;
    }
}
