package org.concord.modules.strategy.crashpattern;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.modules.strategy.composite.CompositeModule;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.orchestrator.module.SharedModuleState;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash-pattern module and the composite's crash-pattern member run the DTW once per bar: they share the library
 * of their directory, and so (with equal settings, as in the full preset) their bar state, and what each shows is
 * what it showed when each computed its own.
 */
class SharedPatternLibraryTest {
    private static final int BARS = 400;
    private static final int KNOWN_AT = 251; // the second pattern is known from this bar's close on
    @TempDir
    Path dir;

    @Test
    void theFullPresetGivesTheModuleAndTheCompositesMemberEqualSettings() throws Exception {
        OrchestratorConfig full = ConfigFiles.preset("full");
        assertThat(full.module(CompositeModule.ID).orElseThrow().settings().path("memberSettings").path(CrashPatternModule.ID))
                .isEqualTo(full.module(CrashPatternModule.ID).orElseThrow().settings());
    }

    @Test
    void theModuleAndTheCompositesMemberComputeEachBarOnceAndShowWhatEachShowedAlone() throws Exception {
        BarSeries bars = RealBars.bitstamp(Timeframe.M1).copyRange(0, BARS);
        Symbol s = bars.symbol();
        String settings = settings(library(bars));
        ModuleFixture alone = new ModuleFixture();
        OrchestratorModule soloModule = alone.init(new CrashPatternModule(), settings, s);
        OrchestratorModule soloComposite = alone.init(new CompositeModule(), composite(settings), s);
        ModuleFixture together = new ModuleFixture();
        Map<Class<?>, Object> services = Map.of(SharedModuleState.class, new SharedModuleState());
        CrashPatternModule module = new CrashPatternModule();
        module.initialize(together.context(settings, List.of(s), services));
        CompositeModule composite = new CompositeModule();
        composite.initialize(together.context(composite(settings), List.of(s), services));
        // the module makes the shared state (asked first), so the composite's member applies to it the bars it gets first
        assertThat(module.state(s)).isSameAs(member(composite).state(s));
        assertThat(member(composite).library()).isSameAs(module.library());
        for (int i = 0; i < bars.size(); i++) {
            // either may get a bar first: the one that applies it must use that bar's time, not the one it saw last
            if (i % 2 == 0) {
                together.bar(module, bars, i);
                together.bar(composite, bars, i);
            } else {
                together.bar(composite, bars, i);
                together.bar(module, bars, i);
            }
            alone.bar(soloModule, bars, i);
            alone.bar(soloComposite, bars, i);
            assertThat(view(module, s)).as("bar %d", i).isEqualTo(view(soloModule, s));
            assertThat(view(composite, s)).as("bar %d", i).isEqualTo(view(soloComposite, s));
        }
        assertThat(module.state(s).bars()).as("each bar applied once").isEqualTo(BARS);
        assertThat(view(module, s)).contains("2 of 2 patterns");
    }

    @Test
    void aReloadThroughEitherReachesBoth() throws Exception {
        BarSeries bars = RealBars.bitstamp(Timeframe.M1).copyRange(0, BARS);
        Symbol s = bars.symbol();
        Path lib = library(bars);
        String settings = settings(lib);
        ModuleFixture f = new ModuleFixture();
        Map<Class<?>, Object> services = Map.of(SharedModuleState.class, new SharedModuleState());
        CrashPatternModule module = new CrashPatternModule();
        module.initialize(f.context(settings, List.of(s), services));
        CompositeModule composite = new CompositeModule();
        composite.initialize(f.context(composite(settings), List.of(s), services));
        Files.delete(lib.resolve("later.json"));
        assertThat(member(composite).reload().get(30, TimeUnit.SECONDS).patterns()).hasSize(1);
        assertThat(module.library().patterns()).hasSize(1);
        assertThat(module.command("status", Map.of())).startsWith("1 patterns in ");
        module.close();
        composite.close();
    }

    /** Two windows of the bars' own closes: one known from the start, one from bar {@link #KNOWN_AT}'s close. */
    private Path library(BarSeries bars) throws Exception {
        Path p = dir.resolve("patterns");
        Files.createDirectories(p);
        Files.writeString(p.resolve("early.json"), pattern("early", bars, 40, 60, Long.MIN_VALUE));
        Files.writeString(p.resolve("later.json"), pattern("later", bars, 200, 230, bars.timeframe().closeTime(bars.time(KNOWN_AT))));
        return p;
    }

    private static String pattern(String name, BarSeries bars, int from, int to, long knownFrom) {
        StringBuilder sb = new StringBuilder("{\"schema\":1,\"name\":\"" + name + "\",");
        if (knownFrom != Long.MIN_VALUE) {
            sb.append("\"knownFrom\":").append(knownFrom).append(',');
        }
        sb.append("\"values\":[");
        for (int i = from; i < to; i++) {
            sb.append(i > from ? "," : "").append(bars.close(i));
        }
        return sb.append("]}").toString();
    }

    private static String settings(Path lib) {
        return "{ directory: '" + lib + "', amber: 20, red: 60 }";
    }

    private static String composite(String memberSettings) {
        return "members: [crash-pattern, trend]\nmemberSettings:\n  crash-pattern: " + memberSettings + "\n";
    }

    private static CrashPatternModule member(CompositeModule c) {
        return (CrashPatternModule) c.members().stream().filter(m -> m.id().equals(CrashPatternModule.ID)).findFirst().orElseThrow();
    }

    private static String view(OrchestratorModule m, Symbol s) {
        var p = m.predictions(s).get(0);
        return Arrays.toString(m.features(s)) + " " + p.action() + " " + p.confidence() + " " + p.rationale();
    }
}
