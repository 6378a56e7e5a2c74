package org.concord.app;

import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.concord.app.modules.ModuleRow;
import org.concord.app.session.CoreSession;
import org.concord.app.shell.MainWindow;
import org.concord.app.shell.UiStateStore;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.orchestrator.module.ModuleState;
import org.concord.training.TrainingEvent;
import org.concord.training.TrainingTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.click;
import static org.concord.app.DeskHarness.fx;

/**
 * Several instruments in the desk: the watchlist lists BTCUSD, ETHUSD and AAPL with prices; a click on a row switches
 * the chart and its toolbar to that symbol (its own bars on the chart, remembered in ui-state.json); the Modules tab
 * shows the selected symbol's orchestrator; the Training tab's chooser trains the chosen symbol's model.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchlistFlowsTest {
    static Path dataDir;
    static Stage stage;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        DeskHarness.Launched desk = DeskHarness.launch("concord-watchlist", "full");
        dataDir = desk.dataDir();
        stage = desk.stage();
        app = desk.app();
    }

    @AfterAll
    static void close() throws Exception {
        DeskHarness.close(app, dataDir);
    }

    static MainWindow window() {
        return ConcordApp.current().window();
    }

    static CoreSession core() {
        return ConcordApp.current().session().core().orElseThrow();
    }

    static Object value(String id) {
        return fx(() -> robot.lookup(id).queryAs(ComboBox.class).getValue());
    }

    static Optional<ModuleRow> row(String id) {
        return fx(() -> window().modulesView().table().getItems().stream().filter(r -> r.id().equals(id)).findFirst());
    }

    @Test
    @Order(1)
    void aWatchlistClickShowsThatSymbolsCandlesOnTheChart() throws Exception {
        robot.interact(() -> window().select("live"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#watch-ETHUSD").tryQuery().isPresent()
                && robot.lookup("#watch-AAPL").tryQuery().isPresent() && robot.lookup("#watch-BTCUSD").tryQuery().isPresent()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> window().chart().barCount()) > 100);
        click(robot, "#watch-ETHUSD");
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS,
                () -> "ETHUSD".equals(value("#chart-symbol")));
        // ETH has 5-minute bars only: the chart opens on 5m and holds the provider's ETH bars
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "5m".equals(fx(() -> robot.lookup("#chart-timeframe")
                .queryAs(ChoiceBox.class).getValue())));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> window().chart().barCount()) > 100);
        long[] t = new long[1];
        double[] close = new double[1];
        robot.interact(() -> {
            var c = window().chart().columns();
            t[0] = c.time(c.size() - 3);
            close[0] = c.close(c.size() - 3);
        });
        BarSeries eth = ConcordApp.current().session().engine().data().bars(BundledData.ETHUSD, Timeframe.M5, t[0], t[0]);
        assertThat(eth.size()).isEqualTo(1);
        assertThat(eth.close(0)).isEqualTo(close[0]);
        assertThat(t[0]).isGreaterThan(1_678_000_000_000L); // 2023: ETH's own data, not the BTC tape's 2013
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> new UiStateStore(dataDir).load().symbol().equals("ETHUSD"));
        DeskHarness.shot(stage, "watchlist-ethusd");

        click(robot, "#watch-AAPL");
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> fx(() -> window().chart().barCount()) > 100
                && "AAPL".equals(value("#chart-symbol")));
        robot.interact(() -> t[0] = window().chart().columns().time(window().chart().columns().size() - 1));
        assertThat(ConcordApp.current().session().engine().data().bars(BundledData.AAPL, Timeframe.D1, t[0], t[0]).size()).isEqualTo(1);
        DeskHarness.shot(stage, "watchlist-aapl");

        // the symbol box, not the watchlist: the timeframes offered are the symbol's own bars' and longer, so ETHUSD
        // opens on 5m from BTCUSD's 1m (picked there at 1m, it was an empty plot on BTCUSD's price axis, "0 bars")
        robot.interact(() -> robot.lookup("#chart-symbol").<String>queryComboBox().setValue("BTCUSD"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "1m".equals(timeframe()));
        assertThat(timeframes()).as("BTCUSD's timeframes (a tape of trades: every one)").containsExactly("1s", "1m", "5m", "15m", "1h", "4h", "1d");
        robot.interact(() -> robot.lookup("#chart-symbol").<String>queryComboBox().setValue("ETHUSD"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "5m".equals(timeframe())
                && fx(() -> window().chart().barCount()) > 100);
        assertThat(timeframes()).as("ETHUSD's timeframes (5m bars)").containsExactly("5m", "15m", "1h", "4h", "1d");
        click(robot, "#watch-AAPL");
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "1d".equals(timeframe()) && "AAPL".equals(value("#chart-symbol")));
        assertThat(timeframes()).as("AAPL's timeframes (daily bars)").containsExactly("1d");
    }

    private static String timeframe() {
        return fx(() -> (String) robot.lookup("#chart-timeframe").queryAs(ChoiceBox.class).getValue());
    }

    private static List<Object> timeframes() {
        return fx(() -> List.copyOf(robot.lookup("#chart-timeframe").queryAs(ChoiceBox.class).getItems()));
    }

    @Test
    @Order(2)
    void theModulesTabShowsTheSelectedSymbolsModuleStates() throws Exception {
        // pivots off in ETHUSD's orchestrator only: the panel shows it off for ETHUSD and running for BTCUSD
        assertThat(core().orchestrator(BundledData.ETHUSD).disable("pivots").get(20, TimeUnit.SECONDS).state()).isEqualTo(ModuleState.DISABLED);
        try {
            click(robot, "#watch-ETHUSD");
            robot.interact(() -> window().select("modules"));
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> row("pivots").map(r -> r.state() == ModuleState.DISABLED).orElse(false));
            assertThat(core().orchestrator(BundledData.BTCUSD).module("pivots").orElseThrow().state()).isEqualTo(ModuleState.RUNNING);
            robot.interact(() -> window().select("live"));
            click(robot, "#watch-BTCUSD");
            robot.interact(() -> window().select("modules"));
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> row("pivots").map(r -> r.state() == ModuleState.RUNNING).orElse(false));
            // and back: ETHUSD's still off (the heartbeat of the other orchestrators does not overwrite it)
            robot.interact(() -> window().select("live"));
            click(robot, "#watch-ETHUSD");
            robot.interact(() -> window().select("modules"));
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> row("pivots").map(r -> r.state() == ModuleState.DISABLED).orElse(false));
            // the marker for the negative: three heartbeats (data time 0) of each orchestrator. The panel takes a report
            // before this subscriber does (the bus calls subscribers in order) and shows it on its next 50 ms publish
            Map<String, Integer> beats = new ConcurrentHashMap<>();
            try (var sub = ConcordApp.current().session().bus().subscribe(OrchestratorTopics.MODULE_STATUS,
                    r -> beats.merge(r.dataTime() == 0 ? r.symbol() : "", 1, Integer::sum))) {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Stream.of(BundledData.BTCUSD, BundledData.ETHUSD, BundledData.AAPL)
                        .allMatch(s -> beats.getOrDefault(s.code(), 0) >= 3));
            }
            assertThat(row("pivots").orElseThrow().state()).isEqualTo(ModuleState.DISABLED);
        } finally {
            core().orchestrator(BundledData.ETHUSD).enable("pivots").get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(3)
    void theTrainingChooserTrainsTheChosenSymbolsModel() throws Exception {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        try (var sub = ConcordApp.current().session().bus().subscribe(TrainingTopics.EVENTS, events::add)) {
            robot.interact(() -> window().select("training"));
            robot.interact(() -> robot.lookup("#training-symbol").queryAs(ComboBox.class).getSelectionModel().select("AAPL"));
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> window().trainingView() != null
                    && "AAPL".equals(value("#training-symbol")));
            click(robot, "#train-now");
            // AAPL's own model gets the job (cnn-aapl); BTCUSD's model is not asked
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> events.stream().anyMatch(e -> "cnn-aapl".equals(e.modelId())));
            assertThat(events).noneMatch(e -> "cnn-btcusd".equals(e.modelId()) && e.jobId() != null); // its frames mature as usual
            assertThat(core().training(Symbol.of("AAPL")).config().modelId()).isEqualTo("cnn-aapl");
            // the reason is on the panel, not only in the job's failure: 252 daily bars at most, the loop needs 1,000
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#training-data-note").queryAs(Label.class).isVisible()));
            assertThat(text("#training-data-note")).matches("AAPL has \\d+ 1d bars stored; training cnn-aapl needs at least 1000, .*");
            DeskHarness.shot(stage, "training-aapl");
            // BTCUSD's model has its history: no note
            robot.interact(() -> robot.lookup("#training-symbol").queryAs(ComboBox.class).getSelectionModel().select("BTCUSD"));
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> !fx(() -> robot.lookup("#training-data-note").queryAs(Label.class).isVisible()));
        }
    }

    /** What a person would find wrong in the watchlist: a horizontal scrollbar, a header or value cut to "…". */
    static List<String> watchlistDefects() {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            Node table = robot.lookup("#watchlist").query();
            for (Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()) {
                    out.add("a horizontal scrollbar (table " + table.getLayoutBounds().getWidth() + " px)");
                }
            }
            for (Node n : table.lookupAll(".table-cell, .column-header .label")) {
                if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                        && l.lookup(".text") instanceof Text t && !t.getText().equals(l.getText())) {
                    out.add("'" + l.getText() + "' shown as '" + t.getText() + "'");
                }
            }
        });
        return out;
    }

    @Test
    @Order(4)
    void theWatchlistShowsEveryColumnWholeWithoutAScrollbarAndLeavesTheChartItsRoom() throws Exception {
        robot.interact(() -> window().select("live"));
        assertThat(fx(stage::getWidth)).as("the default window").isEqualTo(1400);
        // every row priced: the widest values are in
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            List<String> texts = new ArrayList<>();
            robot.interact(() -> robot.lookup("#watchlist").query().lookupAll(".table-cell")
                    .forEach(n -> texts.add(((Labeled) n).getText())));
            return texts.stream().filter(t -> t != null && t.matches("\\d+\\.\\d\\d")).count() >= 3;
        });
        try {
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> watchlistDefects().isEmpty());
        } catch (TimeoutException e) {
            // fall through: the assertion names what is wrong
        }
        DeskHarness.shot(stage, "watchlist-width");
        assertThat(watchlistDefects()).isEmpty();
        double[] w = new double[2];
        robot.interact(() -> {
            w[0] = robot.lookup("#watchlist").query().getLayoutBounds().getWidth();
            w[1] = window().chart().node().getLayoutBounds().getWidth();
        });
        // the chart keeps at least a third of the window beside the watchlist, the live-inference panel and the ticket
        assertThat(w[1]).as("the chart's width beside a %.0f px watchlist", w[0]).isGreaterThanOrEqualTo(1400 / 3.0);
    }

    static String text(String id) {
        String[] t = new String[1];
        robot.interact(() -> t[0] = robot.lookup(id).queryAs(Label.class).getText());
        return t[0];
    }

    @Test
    @Order(5)
    void theTicketAndTheLiveInferencePanelFollowTheWatchlistAtOnce() throws Exception {
        robot.interact(() -> window().select("live"));
        click(robot, "#watch-BTCUSD");
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "Symbol BTCUSD".equals(text("#ticket-symbol")));
        // a paused replay: the accounts do not change, so no new trading snapshot can refresh the ticket by chance
        robot.interact(() -> window().run("feed:toggle"));
        try {
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ConcordApp.current().session().feed().status().state().name().equals("PAUSED"));
            for (String s : List.of("ETHUSD", "AAPL", "BTCUSD")) {
                click(robot, "#watch-" + s);
                WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> s.equals(value("#chart-symbol")));
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(text("#ticket-symbol")).as("the order ticket after a click on %s", s).isEqualTo("Symbol " + s);
                assertThat(text("#live-symbol")).as("the live-inference panel after a click on %s", s).isEqualTo(s);
                assertThat(value("#live-model")).isEqualTo("cnn-" + s.toLowerCase(Locale.ROOT));
                if (s.equals("BTCUSD")) {
                    // back from AAPL's daily chart: BTCUSD on the timeframe it was shown on, not three daily candles
                    assertThat(fx(() -> robot.lookup("#chart-timeframe").queryAs(ChoiceBox.class).getValue())).isEqualTo("1m");
                }
                if (s.equals("ETHUSD")) {
                    DeskHarness.shot(stage, "ticket-follows-ethusd");
                }
            }
        } finally {
            robot.interact(() -> window().run("feed:toggle"));
        }
    }

    @Test
    @Order(6)
    void theStatusBarShowsTheSelectedSymbolsDataClockAndNamesIt() throws Exception {
        // ETHUSD's bundled bars are 2023's, the BTCUSD tape's 2013's: a person viewing ETHUSD read BTCUSD's 2013 clock
        robot.interact(() -> window().select("live"));
        click(robot, "#watch-ETHUSD");
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "ETHUSD".equals(value("#chart-symbol")));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> text("#status").contains(" · ETHUSD data 2023-"));
        DeskHarness.shot(stage, "status-clock-ethusd");
        click(robot, "#watch-BTCUSD");
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> text("#status").contains(" · BTCUSD data 2013-"));
    }

    @Test
    @Order(7)
    void theModulesTabNamesTheInstrumentWhoseOrchestratorItShows() throws Exception {
        robot.interact(() -> window().select("live"));
        click(robot, "#watch-ETHUSD");
        robot.interact(() -> window().select("modules"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "Modules — ETHUSD".equals(text("#modules-symbol")));
        // a switch reaches every instrument's orchestrator (docs/orchestrator.md): the panel says so, not only ETHUSD's
        assertThat(text("#modules-scope")).contains("ETHUSD's orchestrator").contains("every instrument");
        DeskHarness.shot(stage, "modules-ethusd");
        robot.interact(() -> window().select("live"));
        click(robot, "#watch-BTCUSD");
        robot.interact(() -> window().select("modules"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "Modules — BTCUSD".equals(text("#modules-symbol")));
    }

    /**
     * A small laptop's window (1024x768), a 1280x800 screen filled, and a large one: at 1024 px the blotter's Manual/Bot
     * buttons read "…", the chart was 100 px wide between the watchlist and the live-inference panel (350 px at 1280),
     * the time-zone chooser took 177 px to show "UTC" and the blotter kept only its tables' header row.
     */
    @Test
    @Order(8)
    void onASmallWindowTheChartKeepsItsRoomAndNoButtonIsCut() throws Exception {
        robot.interact(() -> window().select("live"));
        try {
            for (int[] size : new int[][]{{1024, 768}, {1280, 800}, {1600, 1000}}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                DeskHarness.pulses(10);
                String at = size[0] + "x" + size[1];
                DeskHarness.shot(stage, "layout-" + at);
                double chart = fx(() -> window().chart().node().getLayoutBounds().getWidth());
                assertThat(chart).as("the chart's width at %s", at).isGreaterThanOrEqualTo(size[0] / 3.0);
                assertThat(cutButtons()).as("buttons cut at %s", at).isEmpty();
                assertThat(watchlistDefects()).as("the watchlist at %s", at).isEmpty();
                assertThat(fx(() -> robot.lookup("#zone-chooser").query().getLayoutBounds().getWidth()))
                        .as("the time-zone chooser showing UTC at %s", at).isLessThan(110);
                // the working orders' header and at least a row under it
                assertThat(fx(() -> robot.lookup("#blotter-working").query().getLayoutBounds().getHeight()))
                        .as("the blotter's working-orders table at %s", at).isGreaterThanOrEqualTo(60);
            }
        } finally {
            robot.interact(() -> {
                stage.setWidth(1400);
                stage.setHeight(900);
            });
        }
    }

    /** Buttons and toggles on screen whose text is shown cut ("…"), or whose label is wider than the button. */
    static List<String> cutButtons() {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll(".button, .toggle-button")) {
                if (n instanceof Labeled l && l.isVisible() && l.getScene() != null && NodeQueryUtils.isVisible().test(l)
                        && l.getText() != null && !l.getText().isEmpty() && l.lookup(".text") instanceof Text t
                        && !t.getText().equals(l.getText())) {
                    out.add("'" + l.getText() + "' shown as '" + t.getText() + "' (" + l.getId() + ")");
                }
            }
        });
        return out;
    }
}
