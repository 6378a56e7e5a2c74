package org.concord.app.portfolio;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.concord.app.ConcordApp;
import org.concord.app.DeskHarness;
import org.concord.app.shell.MainWindow;
import org.concord.app.trading.Amounts;
import org.concord.config.ConcordConfig;
import org.concord.coordination.Bucket;
import org.concord.coordination.SourceContribution;
import org.concord.engine.BotMode;
import org.concord.engine.TradingPipeline;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.SizingConfig;
import org.concord.feed.BundledData;
import org.concord.orchestrator.module.ModuleCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot portfolio &amp; risk tab over the full preset's replay with the bot on Paper (switched in the Live tab): the
 * allocation chart draws its bucket lines, the coordination view counts conflicts and alignments and lists the
 * sources with their weights; the risk form refuses a bad value beside the field and applies nothing, a lowered order
 * cap applied from the form refuses an order the running pipeline allowed, and Kelly chosen in the form reaches the
 * bot's engine and concord.yaml.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortfolioTabFlowTest {
    static Path dataDir;
    static Stage stage;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        DeskHarness.Launched desk = DeskHarness.launch("concord-portfolio", "full");
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

    static TradingPipeline pipeline() {
        return ConcordApp.current().session().core().orElseThrow().pipeline();
    }

    static <T> T onPipeline(Function<TradingPipeline, T> read) {
        CompletableFuture<T> f = new CompletableFuture<>();
        pipeline().execute(() -> f.complete(read.apply(pipeline())));
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading the pipeline on its thread failed", e);
        }
    }

    /** A label's text, read on the FX thread (the panes rebuild some of their rows on each snapshot). */
    static String text(String id) {
        return DeskHarness.fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    @Order(1)
    void withTheBotOnPaperTheTabShowsAllocationConflictsAlignmentsAndSources() throws Exception {
        robot.interact(() -> window().select("live"));
        for (int attempt = 0; attempt < 3 && pipeline().botMode() != BotMode.PAPER; attempt++) {
            DeskHarness.click(robot, "#bot-paper");
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pipeline().botMode() == BotMode.PAPER);
            } catch (TimeoutException e) {
                // lost click: try again
            }
        }
        assertThat(pipeline().botMode()).isEqualTo(BotMode.PAPER);
        robot.interact(() -> window().select("portfolio"));
        PortfolioView v = window().portfolioView();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> DeskHarness.fx(() -> v.allocation().points(Bucket.SCALPING)) > 2);
        DeskHarness.shot(stage, "portfolio-allocation");

        DeskHarness.click(robot, "Coordination");
        // the full preset's sources disagree and agree across buckets within minutes of replay
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            PortfolioSnapshot s = latest();
            return s != null && s.coordination().conflicts() > 0 && s.coordination().alignments() > 0 && s.coordination().sources().size() >= 3;
        });
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> text("#coordination-counts").matches("[1-9][\\d,]* conflicts? resolved · [\\d,]+ net-limit cuts? · [1-9][\\d,]* alignments? .*")
                && DeskHarness.fx(() -> !v.coordination().conflicts().getItems().isEmpty() && v.coordination().sources().getItems().size() >= 3
                        && v.coordination().harmonyPoints() > 0));
        // every source the learner has weighed has a weight in [0, 1]; one whose signals were all stopped before it
        // weighed one (the meta-label gate stops a freshly swapped-in model's low-confidence views) has none yet:
        // the table shows "—", and such a source cannot have led a trade
        List<SourceContribution> rows = DeskHarness.fx(() -> List.copyOf(v.coordination().sources().getItems()));
        assertThat(rows).allSatisfy(r -> {
            if (Double.isNaN(r.weight())) {
                assertThat(r.trades()).as(r.sourceId() + " led trades without a weight").isZero();
            } else {
                assertThat(r.weight()).isBetween(0.0, 1.0);
            }
        });
        assertThat(rows.stream().filter(r -> Double.isFinite(r.weight())).count()).isGreaterThanOrEqualTo(3);
        assertThat(text("#synergy-value")).matches("[+-][\\d,]+\\.\\d\\d");
        DeskHarness.shot(stage, "portfolio-coordination");
    }

    /**
     * The bot's positions and account line are written as the blotter writes them (Amounts): the tab showed "905.9800"
     * and "0.0200" where the blotter showed 905.98 and 0.02, and an equity of "10000.00" where the blotter grouped it.
     */
    @Test
    @Order(2)
    void theBotsPositionsAndAccountAreWrittenAsTheBlotterWritesThem() throws Exception {
        robot.interact(() -> window().select("portfolio"));
        List<String> cells = new ArrayList<>();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> DeskHarness.fx(() -> {
            TableView<?> t = robot.lookup("#positions-table").queryAs(TableView.class);
            cells.clear();
            if (t.getItems().isEmpty()) {
                return false;
            }
            PortfolioSnapshot.PositionRow r = (PortfolioSnapshot.PositionRow) t.getItems().get(0);
            for (int c = 1; c < t.getColumns().size(); c++) {
                cells.add(String.valueOf(t.getColumns().get(c).getCellData(0)));
            }
            cells.addAll(List.of(Amounts.number(r.quantity()), Amounts.number(r.averagePrice()), Amounts.number(r.markPrice()),
                    Amounts.signed(r.unrealizedPnl()), Amounts.signed(r.realizedPnl())));
            return true;
        }));
        assertThat(cells.subList(0, 5)).as("quantity, avg price, mark, unrealized, realized").isEqualTo(cells.subList(5, 10));
        String summary = DeskHarness.fx(() -> window().portfolioView().summary().getText());
        assertThat(summary).matches("bot account · equity \\d{1,3}(,\\d{3})*\\.\\d\\d · cash -?\\d{1,3}(,\\d{3})*\\.\\d\\d · fees \\d{1,3}(,\\d{3})*\\.\\d\\d · .*");
        // the position came from fills, which paid fees: the line says what the P&L columns leave out
        assertThat(Double.parseDouble(summary.replaceAll(".* · fees ([\\d,.]+) · .*", "$1").replace(",", ""))).isPositive();
    }

    /**
     * In a 1280x800 window the overview still shows a whole position row and two events: the split between the
     * charts and the tables cut the position row in half and left the events list a bare scrollbar (seen on the desk).
     */
    @Test
    @Order(3)
    void at1280x800ThePositionRowIsWholeAndTwoEventsShow() throws Exception {
        double[] size = DeskHarness.fx(() -> new double[] {stage.getWidth(), stage.getHeight()});
        robot.interact(() -> {
            window().select("portfolio");
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        try {
            DeskHarness.click(robot, "Allocation & equity");
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> DeskHarness.fx(() -> {
                TableView<?> t = robot.lookup("#positions-table").queryAs(TableView.class);
                Node row = t.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?> r && r.getIndex() == 0 && !r.isEmpty())
                        .findFirst().orElse(null);
                return row != null && row.localToScene(row.getBoundsInLocal()).getMaxY() <= t.localToScene(t.getBoundsInLocal()).getMaxY() - 1;
            }));
            double[] events = DeskHarness.fx(() -> {
                ListView<?> l = robot.lookup("#risk-events").queryAs(ListView.class);
                Node tab = robot.lookup("#portfolio-views").query();
                double cell = l.lookupAll(".list-cell").stream().mapToDouble(n -> ((Region) n).getHeight()).max().orElse(0);
                return new double[] {l.getHeight(), cell, l.localToScene(l.getBoundsInLocal()).getMaxY(), tab.localToScene(tab.getBoundsInLocal()).getMaxY()};
            });
            assertThat(events[1]).as("an event row's height").isPositive();
            assertThat(events[0]).as("the events list's height: two rows of %.0f px", events[1]).isGreaterThanOrEqualTo(2 * events[1]);
            assertThat(events[2]).as("the events list's bottom, inside the tab's (not cut off by the window)").isLessThanOrEqualTo(events[3]);
            DeskHarness.shot(stage, "portfolio-1280x800");
        } finally {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
        }
    }

    static PortfolioSnapshot latest() {
        PortfolioSnapshot[] s = new PortfolioSnapshot[1];
        robot.interact(() -> s[0] = window().portfolioView().lastShown());
        return s[0];
    }

    @Test
    @Order(4)
    void aBadValueIsRefusedBesideTheFieldAndALoweredCapRefusesAnOrderItAllowed() throws Exception {
        DeskHarness.click(robot, "Risk limits & sizing");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "25".equals(DeskHarness.fx(() -> robot.lookup("#limit-maxOrderFraction").queryAs(TextField.class).getText())));
        double price = onPipeline(x -> x.manualBroker().account().markPrice(BundledData.BTCUSD));
        double equity = onPipeline(x -> x.manualBroker().account().equity());
        org.concord.execution.Order allowed = onPipeline(x -> x.manualBroker().submit(OrderRequest.market("p1", BundledData.BTCUSD, OrderSide.BUY, 0.05 * equity / price).manual()));
        assertThat(allowed.state()).isNotEqualTo(OrderState.REJECTED);

        robot.doubleClickOn(DeskHarness.node(robot, "#limit-maxOrderFraction")).eraseText(4).write("abc");
        DeskHarness.click(robot, "#apply-settings");
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> text("#limit-error-maxOrderFraction").contains("not a number"));
        assertThat(text("#settings-status")).contains("nothing applied");
        assertThat(pipeline().risk().limits().maxOrderFraction()).as("nothing applied").isEqualTo(0.25);
        DeskHarness.shot(stage, "portfolio-settings-refused");

        robot.doubleClickOn(DeskHarness.node(robot, "#limit-maxOrderFraction")).eraseText(5).write("2");
        DeskHarness.click(robot, "#apply-settings");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#settings-status").startsWith("applied"));
        assertThat(text("#limit-error-maxOrderFraction")).isEmpty();
        assertThat(pipeline().risk().limits().maxOrderFraction()).isEqualTo(0.02);
        org.concord.execution.Order refused = onPipeline(x -> x.manualBroker().submit(OrderRequest.market("p2", BundledData.BTCUSD, OrderSide.BUY, 0.05 * equity / price).manual()));
        assertThat(refused.state()).isEqualTo(OrderState.REJECTED);
        assertThat(refused.reason()).startsWith("risk rule ORDER_SIZE");
        DeskHarness.shot(stage, "portfolio-settings-applied");
    }

    @Test
    @Order(5)
    void kellyChosenInTheTabReachesTheBotsEngineAndConcordYaml() throws Exception {
        SizingConfig.Method before = onPipeline(x -> x.engine().sizing().method());
        assertThat(before).isEqualTo(SizingConfig.Method.FIXED_FRACTIONAL);
        DeskHarness.click(robot, "#sizing-kelly");
        DeskHarness.click(robot, "#apply-settings");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onPipeline(x -> x.engine().sizing().method()) == SizingConfig.Method.KELLY);
        ConcordConfig saved = ConcordConfig.load(dataDir.resolve("concord.yaml"), ModuleCatalog.fromClasspath());
        assertThat(saved.trading().sizing()).isEqualTo(SizingConfig.Method.KELLY);
        assertThat(saved.trading().limits().maxOrderFraction()).isEqualTo(0.02);
    }
}
