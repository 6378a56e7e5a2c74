package org.concord.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a module directly, the way the decision thread does (events, then features/predictions at the bar's close). */
public final class ModuleFixture {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public final AtomicLong clock = new AtomicLong(Long.MIN_VALUE);

    public static JsonNode settings(String yaml) {
        try {
            JsonNode n = YAML.readTree(yaml.isBlank() ? "{}" : yaml);
            return n == null || n.isMissingNode() ? YAML.createObjectNode() : n;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public ModuleContext context(String yaml, List<Symbol> symbols, Map<Class<?>, Object> services) {
        return new ModuleContext(null, settings(yaml), symbols, Timeframe.M1, clock::get,
                LoggerFactory.getLogger("test"), new ModuleContext.Services() {
                    @Override
                    public <T> Optional<T> get(Class<T> type) {
                        return Optional.ofNullable(type.cast(services.get(type)));
                    }
                });
    }

    public <M extends OrchestratorModule> M init(M m, String yaml, Symbol... symbols) throws Exception {
        m.initialize(context(yaml, List.of(symbols), Map.of()));
        return m;
    }

    /** Delivers bar {@code i} of {@code s} and moves the clock to its close. */
    public void bar(OrchestratorModule m, BarSeries s, int i) {
        long close = s.timeframe().closeTime(s.time(i));
        clock.set(close);
        m.onBarClose(s.symbol(), s.timeframe(), s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
    }

    /** Features and first prediction after each bar, as text (for exact comparison). */
    public List<String> outputs(OrchestratorModule m, BarSeries s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            bar(m, s, i);
            List<Prediction> p = m.predictions(s.symbol());
            out.add(Arrays.toString(m.features(s.symbol())) + " " + (p.isEmpty() ? "-" : p.get(0).action() + " " + p.get(0).confidence()));
        }
        return out;
    }

    /**
     * Causality: the outputs at bars 0..t0 of a run over {@code s} equal those of a run over a copy whose bars after
     * t0 are changed (prices scaled and shaken). A module that read the future would differ.
     */
    public static void assertCausal(Supplier<OrchestratorModule> fresh, String yaml, BarSeries s, int t0) throws Exception {
        BarSeries perturbed = new BarSeries(s.symbol(), s.timeframe(), s.size());
        for (int i = 0; i < s.size(); i++) {
            boolean future = i > t0;
            double k = future ? 1 + 0.05 * Math.sin(i * 1.7) + 0.03 : 1;
            double wide = future ? 0.01 : 0;
            perturbed.append(s.time(i), s.open(i) * k, s.high(i) * k * (1 + wide), s.low(i) * k * (1 - wide), s.close(i) * k,
                    s.volume(i) * (future ? 2 : 1));
        }
        ModuleFixture f1 = new ModuleFixture();
        ModuleFixture f2 = new ModuleFixture();
        List<String> a = f1.outputs(f1.init(fresh.get(), yaml, s.symbol()), s);
        List<String> b = f2.outputs(f2.init(fresh.get(), yaml, s.symbol()), perturbed);
        assertThat(b.subList(0, t0 + 1)).isEqualTo(a.subList(0, t0 + 1));
        assertThat(b).as("the perturbation must change later outputs, or the test proves nothing").isNotEqualTo(a);
    }

    /** A series from rows {high, low, close}; open = close, volume 1, one bar per minute from t = 0. */
    public static BarSeries bars(Symbol s, double[][] hlc) {
        BarSeries b = new BarSeries(s, Timeframe.M1, hlc.length);
        for (int i = 0; i < hlc.length; i++) {
            b.append(i * 60_000L, hlc[i][2], hlc[i][0], hlc[i][1], hlc[i][2], 1);
        }
        return b;
    }
}
