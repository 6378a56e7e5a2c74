package org.concord.modules.strategy.crashpattern;

import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatternLibraryTest {
    @TempDir
    Path dir;

    @Test
    void loadsGoodFilesAndReportsEachBadOneOnce() throws Exception {
        Path p = dir.resolve("patterns");
        Files.createDirectories(p);
        Files.writeString(p.resolve("a-values.json"), "{\"schema\":1,\"name\":\"drop\",\"values\":[10,10.2,10.1,10,9,8,7,6]}");
        Files.writeString(p.resolve("b-bars.json"), "{\"schema\":1,\"bars\":[" + bars(8) + "]}");
        Files.writeString(p.resolve("c-rows.json"), "{\"schema\":1,\"name\":\"rows\",\"bars\":[[0,1,2,0.5,1,1],[1,1,2,0.5,2,1],"
                + "[2,1,2,0.5,3,1],[3,1,4,0.5,4,1],[4,1,4,0.5,3,1],[5,1,4,0.5,2,1],[6,1,4,0.5,1,1],[7,1,4,0.5,0.5,1]]}");
        Files.writeString(p.resolve("d-broken.json"), "{\"schema\":1,\"values\":[1,2,");
        Files.writeString(p.resolve("e-schema2.json"), "{\"schema\":2,\"values\":[1,2,3,4,5,6,7,8]}");
        Files.writeString(p.resolve("f-short.json"), "{\"schema\":1,\"values\":[1,2,3]}");
        Files.writeString(p.resolve("g-flat.json"), "{\"schema\":1,\"values\":[5,5,5,5,5,5,5,5]}");
        Files.writeString(p.resolve("h-empty.json"), "{\"schema\":1}");
        Files.writeString(p.resolve("i-text.json"), "{\"schema\":1,\"values\":[1,2,3,\"x\",5,6,7,8]}");
        Files.writeString(p.resolve("j-noclose.json"), "{\"schema\":1,\"bars\":[{\"open\":1}]}");
        Files.writeString(p.resolve("k-array.json"), "[1,2,3]");
        Files.writeString(p.resolve("notes.txt"), "not a pattern file");
        PatternLibrary.Loaded l = new PatternLibrary(p, 8, 100).load();
        assertThat(l.patterns()).extracting(Pattern::name).containsExactly("drop", "b-bars", "rows");
        assertThat(l.problems()).hasSize(8);
        assertThat(l.problems()).anySatisfy(s -> assertThat(s).startsWith("patterns/d-broken.json: not valid JSON").endsWith(": skipped"));
        assertThat(l.problems()).anySatisfy(s -> assertThat(s).contains("e-schema2.json: unsupported schema 2"));
        assertThat(l.problems()).anySatisfy(s -> assertThat(s).contains("f-short.json: 3 values, expected 8..100"));
        assertThat(l.problems()).anySatisfy(s -> assertThat(s).contains("g-flat.json: a flat path has no shape"));
        assertThat(l.problems()).anySatisfy(s -> assertThat(s).contains("h-empty.json: neither 'values' nor 'bars'"));
        assertThat(l.problems()).anySatisfy(s -> assertThat(s).contains("i-text.json: value 3 is not a number"));
        assertThat(l.problems()).anySatisfy(s -> assertThat(s).contains("j-noclose.json: bar 0 has no numeric close"));
        assertThat(l.problems()).anySatisfy(s -> assertThat(s).contains("k-array.json: not a JSON object"));
        // values are z-normalized: mean 0, population sd 1
        double[] v = l.patterns().get(0).values();
        assertThat(java.util.Arrays.stream(v).sum()).isCloseTo(0, within(1e-12));
        assertThat(java.util.Arrays.stream(v).map(x -> x * x).sum() / v.length).isCloseTo(1, within(1e-12));
        assertThat(new PatternLibrary(dir.resolve("none"), 8, 100).load().patterns()).isEmpty();
    }

    private static String bars(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double c = 100 - i * i;
            sb.append(i > 0 ? "," : "").append("{\"time\":").append(i * 60_000).append(",\"open\":").append(c).append(",\"high\":")
                    .append(c + 1).append(",\"low\":").append(c - 1).append(",\"close\":").append(c).append(",\"volume\":1}");
        }
        return sb.toString();
    }

    @Test
    void savesAnAnnotationWindowThatLoadsBackAsTheSameShape() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        BarSeries window = eth.copyRange(100, 160);
        PatternLibrary lib = PatternLibrary.inDataDir(dir);
        Path f = lib.saveWindow("ETH dump 2023/03/13", window);
        assertThat(f).isEqualTo(dir.resolve("patterns").resolve("eth-dump-2023-03-13.json"));
        assertThat(Files.readString(f)).contains("\"schema\" : 1", "\"symbol\" : \"ETHUSD\"", "\"timeframe\" : \"5m\"");
        PatternLibrary.Loaded l = lib.load();
        assertThat(l.problems()).isEmpty();
        Pattern p = l.patterns().get(0);
        assertThat(p.name()).isEqualTo("ETH dump 2023/03/13");
        assertThat(p.values()).containsExactly(normalized(window), within(1e-12));
        assertThat(p.file()).isEqualTo(f);
        assertThatThrownBy(() -> lib.saveWindow("ETH dump 2023/03/13", window)).hasMessageContaining("exists");
        assertThat(lib.saveWindow("ETH dump 2023/03/13", eth.copyRange(0, 60), true)).isEqualTo(f);
        assertThat(lib.load().patterns().get(0).values()).containsExactly(normalized(eth.copyRange(0, 60)), within(1e-12));
        assertThatThrownBy(() -> lib.saveWindow("tiny", eth.copyRange(0, 3))).hasMessageContaining("needs 8..1000 bars");
        assertThatThrownBy(() -> lib.saveWindow(" ", window)).hasMessageContaining("needs a name");
        BarSeries flat = new BarSeries(Symbol.of("FLAT"), Timeframe.M1, 10);
        for (int i = 0; i < 10; i++) {
            flat.append(i * 60_000L, 1, 1, 1, 1, 1);
        }
        assertThatThrownBy(() -> lib.saveWindow("flat", flat)).hasMessageContaining("flat path");
        assertThat(Files.list(dir.resolve("patterns")).filter(x -> x.toString().endsWith(".tmp"))).isEmpty();
    }

    private static double[] normalized(BarSeries s) {
        double[] z = new double[s.size()];
        Dtw.normalize(s.closes(), s.size(), z);
        return z;
    }

    @Test
    void preconditions() {
        assertThatThrownBy(() -> new PatternLibrary(null, 8, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatternLibrary(dir, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pattern.of("n", new double[] {1, Double.NaN, 2}, null)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> new Pattern("", new double[] {1, 2}, null)).hasMessageContaining("name");
        assertThatThrownBy(() -> new Pattern("x", new double[] {1}, null)).hasMessageContaining("at least 2");
        assertThat(Pattern.of("n", new double[] {1, 2, 3}, null).toString()).isEqualTo("Pattern[n, 3 values]");
        assertThat(Pattern.of("n", new double[] {1, 2, 3}, null).hashCode()).isEqualTo(Pattern.of("n", new double[] {2, 4, 6}, null).hashCode());
    }
}
