package org.concord.app.modules;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.concord.app.DeskHarness;
import org.concord.app.session.CoreSession;
import org.concord.app.session.SessionOptions;
import org.concord.app.shell.Presenters;
import org.concord.app.shell.Themes;
import org.concord.bus.InProcessEventBus;
import org.concord.store.Direction;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.strategy.macrogate.MacroGateModule;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.ModuleEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.click;
import static org.concord.app.DeskHarness.fx;

/**
 * The module panel's "Macro data…" dialog, headless (Monocle), against a real core session (store, orchestrator,
 * the import handler on the bus): a file with columns the importer does not know shows the error and changes
 * nothing (no bars, concord.yaml as it was); a good VIX file shows the rows added and rejected by reason, the
 * series' dates and the gate's verdict, and the rule is in concord.yaml. The VIX file is synthetic (none is bundled).
 */
class MacroImportDialogFlowTest {
    private static final Symbol VIX = Symbol.of("VIX");
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final Presenters presenters = new Presenters();
    private final InProcessEventBus bus = new InProcessEventBus();
    private ConcordRuntime engine;
    private CoreSession core;
    private ModulePanelPresenter presenter;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (presenter != null) {
            presenter.close();
        }
        presenters.close();
        if (core != null) {
            core.close();
        }
        bus.close();
        if (engine != null) {
            engine.close();
        }
    }

    private String result() {
        String[] t = new String[1];
        robot.interact(() -> t[0] = robot.lookup("#macro-result").queryAs(Label.class).getText());
        return t[0];
    }

    private long vixBars() {
        return engine.data().bars(VIX, Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 1000, Direction.LATEST).size();
    }

    @Test
    void aBadFileShowsTheErrorAndChangesNothingAGoodOneShowsCountsAndTheVerdict() throws Exception {
        Path data = dir.resolve("data");
        Path configFile = data.resolve("concord.yaml");
        ConfigFiles.save(configFile, ConfigFiles.preset("minimal").withModules(List.of(new ModuleEntry(MacroGateModule.ID, true, 0.0, null)))
                .withSynchronous(true));
        engine = new ConcordRuntime(data);
        core = CoreSession.start(engine, bus, SessionOptions.defaults(data).withReplay(1, 0, false), false, m -> { });
        // one BTCUSD minute bar on 2013-12-01: the orchestrator's clock, where the gate's verdict is read
        long t = LocalDate.of(2013, 12, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        engine.data().onBar(BundledData.BTCUSD, Timeframe.M1, t, 1000, 1001, 999, 1000, 1, true, "test");
        byte[] config = Files.readAllBytes(configFile);

        Path wrong = dir.resolve("wrong.csv");
        Files.writeString(wrong, "day,level\n2013-11-01,25\n");
        StringBuilder sb = new StringBuilder("date,close\n");
        for (int d = 1; d <= 30; d++) {
            sb.append(LocalDate.of(2013, 11, d)).append(',').append(d == 10 ? "NaN" : Integer.toString(20 + d % 7)).append('\n');
        }
        sb.append("2013-11-05,25\n2999-01-01,30\n"); // a repeated day (its value is 25 already) and a row dated in the future
        Path good = dir.resolve("vix.csv");
        Files.writeString(good, sb.toString());

        FxToolkit.registerPrimaryStage();
        presenter = new ModulePanelPresenter(bus, presenters, s -> core.orchestrator(s).modules());
        FxToolkit.setupStage(s -> {
            Themes.apply("dark"); // the desk's theme: concord.css reads its colours (without it, 56 CSS warnings a run)
            ModulePanelView view = new ModulePanelView(presenter);
            s.setScene(new Scene((Parent) view.node(), 1300, 500));
            s.show();
        });
        click(robot, "#macro-data");
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#macro-file").tryQuery().isPresent()));
        // the defaults follow the series: DXY below its 200-day average, VIX below 20
        robot.interact(() -> {
            assertThat(robot.lookup("#macro-rule").queryAs(ComboBox.class).getValue()).isEqualTo("belowMa");
            assertThat(robot.lookup("#macro-period").queryAs(TextField.class).getText()).isEqualTo("200");
            robot.lookup("#macro-symbol").queryAs(ComboBox.class).setValue("VIX");
        });
        robot.interact(() -> {
            assertThat(robot.lookup("#macro-rule").queryAs(ComboBox.class).getValue()).isEqualTo("below");
            assertThat(robot.lookup("#macro-level").queryAs(TextField.class).getText()).isEqualTo("20");
        });

        click(robot, "#macro-file").write(wrong.toString());
        click(robot, "#macro-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> result().startsWith("Not applied"));
        assertThat(result()).contains("wrong.csv").contains("need a time column").contains("nothing imported");
        assertThat(vixBars()).isZero();
        assertThat(Files.readAllBytes(configFile)).as("concord.yaml untouched").isEqualTo(config);

        robot.interact(() -> robot.lookup("#macro-file").queryAs(TextField.class).setText(good.toString()));
        click(robot, "#macro-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> result().startsWith("Imported"));
        assertThat(result()).contains("Imported VIX · rule VIX below 20")
                .contains("32 rows read: 29 added, 0 unchanged, 0 differing from stored bars kept")
                .contains("rejected: 1 malformed, 1 future, 1 duplicate")
                .contains("File's rows: 2013-11-01 → 2013-11-30")
                .contains("Stored VIX: 29 daily bars, 2013-11-01 → 2013-11-30")
                // at the clock (2013-12-01 00:01) the bar of 11-30 has closed: 20 + 30 % 7 = 22
                .contains("Gate now: BLOCK: VIX 22 not < 20");
        assertThat(vixBars()).isEqualTo(29);
        assertThat(Files.readString(configFile)).contains("VIX").contains("below");
    }
}
