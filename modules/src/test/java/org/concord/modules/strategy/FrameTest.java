package org.concord.modules.strategy;

import org.concord.engine.ConcordRuntime;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The strategy frame's helpers: settings reading, the data directory. */
class FrameTest {
    @TempDir
    Path dir;

    @Test
    void settings() {
        Settings s = new Settings("m", ModuleFixture.settings("""
                a: 3
                b: 2.5
                c: true
                d: text
                e: [x, y]
                f: { g: 1 }
                h: 5m
                i: 1.5
                j: [1, [2]]
                """));
        assertThat(s.module()).isEqualTo("m");
        assertThat(s.integer("a", 0, 1)).isEqualTo(3);
        assertThat(s.number("b", 0, 0, 10)).isEqualTo(2.5);
        assertThat(s.flag("c", false)).isTrue();
        assertThat(s.flag("zz", true)).isTrue();
        assertThat(s.text("d", null)).isEqualTo("text");
        assertThat(s.texts("e", null)).containsExactly("x", "y");
        assertThat(s.texts("none", List.of("q"))).containsExactly("q");
        assertThat(s.section("f").integer("g", 0, 0)).isEqualTo(1);
        assertThat(s.timeframe("h", Timeframe.M1)).isEqualTo(Timeframe.M5);
        assertThat(s.has("a")).isTrue();
        assertThat(s.has("nothing")).isFalse();
        assertThatThrownBy(() -> s.integer("i", 0, 0)).hasMessage("module m: setting 'i' must be an integer, got 1.5");
        assertThatThrownBy(() -> s.integer("a", 0, 5)).hasMessage("module m: setting 'a' must be an integer >= 5, got 3");
        assertThatThrownBy(() -> s.number("d", 0, 0, 1)).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> s.positive("zz", 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> s.flag("d", false)).hasMessageContaining("true or false");
        assertThatThrownBy(() -> s.text("e", null)).hasMessageContaining("a text value");
        assertThatThrownBy(() -> s.texts("d", null)).hasMessageContaining("a list");
        assertThatThrownBy(() -> s.texts("j", null)).hasMessageContaining("a list of text values");
        assertThatThrownBy(() -> s.timeframe("d", Timeframe.M1)).hasMessageContaining("a timeframe");
        assertThatThrownBy(() -> s.choice("d", "x", "x", "y")).hasMessageContaining("one of x, y");
        Settings t = new Settings("m", ModuleFixture.settings("p: 1\nq: 2\nr: 3"));
        t.integer("p", 0, 0);
        assertThatThrownBy(t::rejectUnknown).hasMessage("module m: unknown settings [q, r] (known: p)");
        assertThatThrownBy(() -> new Settings("m", ModuleFixture.settings("[1, 2]"))).hasMessageContaining("must be a mapping");
        assertThatThrownBy(() -> new Settings(null, ModuleFixture.settings(""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataDirectoryIsTheStoresFolder() {
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            assertThat(DataDirs.of(engine.data())).isEqualTo(dir.toAbsolutePath());
            assertThat(DataDirs.resolve(engine.data(), "patterns")).isEqualTo(dir.toAbsolutePath().resolve("patterns"));
            assertThat(DataDirs.resolve(engine.data(), "/abs/x")).isEqualTo(Path.of("/abs/x"));
        }
        assertThat(DataDirs.of(null)).isNotNull();
        assertThat(StrategyState.fresh(0, 10, 0.3)).isEqualTo(1.0);
        assertThat(StrategyState.fresh(10, 10, 0.3)).isCloseTo(0.3 + 0.7 / Math.E, within(1e-15));
    }
}
