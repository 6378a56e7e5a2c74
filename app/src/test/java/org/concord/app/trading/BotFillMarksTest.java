package org.concord.app.trading;

import javafx.geometry.Point2D;
import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.app.live.ChartOnStage;
import org.concord.app.live.LiveChartView;
import org.concord.app.live.LiveDelta;
import org.concord.app.shell.FxPulse;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.DisplayFormat;
import org.concord.coordination.CoordinationEngine;
import org.concord.engine.BotMode;
import org.concord.engine.TradingPipeline;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.execution.TimeInForce;
import org.concord.feed.BundledData;
import org.concord.instrument.InstrumentRegistry;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The bot's fills on the chart, from the desk's own trading snapshot: the bot's paper account fills an order and the
 * chart marks it on its candle at its price, as a cross in the bot's colours (not the person's dots, which show
 * beside it), "bot BUY …" on hover. The marks follow a timeframe switch, a symbol switch and a seek back (which
 * restarts the bot's account). Before, only the bot's decisions were marked; its fills were in the blotter alone.
 */
class BotFillMarksTest {
    private static final Symbol BTC = BundledData.BTCUSD;
    private final FxRobot robot = new FxRobot();
    @TempDir
    Path dir;

    /** The desk's trading on a pipeline of its own, its dock on a chart of {@link #m1}, the bot switched to PAPER. */
    private final BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 120);
    private final AtomicReference<Symbol> symbol = new AtomicReference<>(BTC);
    private final FxPulse pulse = new FxPulse();
    private DeskTrading desk;
    private TradingDock dock;
    private LiveChartView view;

    @BeforeEach
    void desk() throws Exception {
        desk = new DeskTrading(dir);
        TradingDock[] d = new TradingDock[1];
        view = ChartOnStage.show(900, 600, v -> d[0] = new TradingDock(desk.pipeline, desk.presenters, pulse, v, symbol::get,
                new InProcessEventBus(), dir, InstrumentRegistry.empty(), Map.of(), new DisplaySettings(DisplayFormat.UTC)));
        dock = d[0];
        fx(() -> {
            pulse.start();
            return null;
        });
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        assertThat(desk.pipeline.switchBot(BotMode.PAPER).get(10, TimeUnit.SECONDS).accepted()).isTrue();
        bars(0, 60);
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            pulse.stop();
            return null;
        });
        desk.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void theBotsFillsAreCrossesOnTheirCandlesApartFromThePersonsAndFollowTheChart() throws Exception {
        TradingPipeline p = desk.pipeline;
        botBuys("cc7-1of2", 0.02);
        bars(60, 62);
        Fill bot = await(p, x -> x.bot().broker().fills());
        // the person's a few candles later (a pointer resting on the bot's cross finds it alone)
        personBuys();
        bars(62, 66);
        Fill mine = await(p, x -> x.manualBroker().fills());
        assertThat(bot.book()).isEqualTo(CoordinationEngine.BOOK);

        FillMarks marks = dock.botFills();
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> fx(marks::count) == 1 && fx(dock.fills()::count) == 1);
        assertThat(fx(() -> new double[] {marks.buys().get(0, 0), marks.buys().get(1, 0)}))
                .as("on the candle whose span holds the fill, at the fill's price")
                .containsExactly(FillMarks.candle(bot.time(), Timeframe.M1) / 1000.0, bot.price());
        assertThat(fx(() -> marks.buys().getDataLabel(0))).isEqualTo("bot BUY 0.02 @ " + Amounts.number(bot.price()) + " · cc7-1of2\nfilled "
                + new DisplaySettings(DisplayFormat.UTC).format().dateTime(bot.time()));
        // the person's buy is theirs alone, a dot; the bot's is a cross in colours of its own
        assertThat(fx(() -> dock.fills().buys().getDataLabel(0))).startsWith("your BUY 0.1 @ ").contains(mine.clientOrderId());
        assertThat(fx(() -> marks.sells().getDataCount())).isZero();
        assertThat(fx(() -> marks.buys().getStyle())).contains("-fx-marker-type: cross").contains("#00e5ff");
        assertThat(fx(() -> marks.sells().getStyle())).contains("-fx-marker-type: cross").contains("#ffd600");
        assertThat(fx(() -> dock.fills().buys().getStyle())).contains("-fx-marker-type: circle").contains("#2962ff");
        assertThat(List.of(FillMarkLook.BOT.buyRgb(), FillMarkLook.BOT.sellRgb()))
                .doesNotContain(FillMarkLook.PERSON.buyRgb(), FillMarkLook.PERSON.sellRgb());

        // resting the pointer on the cross names it as the bot's
        DeskHarness.pulses(3);
        Point2D at = fx(() -> view.node().getCanvas().localToScreen(view.timeAxis().getDisplayPosition(marks.buys().get(0, 0)),
                view.priceAxis().getDisplayPosition(bot.price())));
        robot.moveTo(new Point2D(at.getX() - 30, at.getY() + 30));
        robot.moveTo(at);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).filter(t -> t.startsWith("bot BUY 0.02 @ ")).isPresent());

        // a timeframe switch: the same fill on the 5m candle that holds it
        BarSeries m5 = RealBars.bitstamp(Timeframe.M5).copyRange(0, 40);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M5, m5, new long[0], new double[0], List.of(), true, null)));
        assertThat(fx(() -> marks.buys().get(0, 0))).isEqualTo(FillMarks.candle(bot.time(), Timeframe.M5) / 1000.0);

        // another symbol on the chart: none of BTCUSD's fills
        symbol.set(BundledData.ETHUSD);
        robot.interact(() -> dock.symbolChanged());
        assertThat(fx(marks::count)).isZero();
        symbol.set(BTC);
        robot.interact(() -> dock.symbolChanged());
        assertThat(fx(marks::count)).isEqualTo(1);

        // a seek back starts the bot's paper account again: its marks go with its fills
        desk.service.restartPaperSession(Map.of(BTC, m1.time(0))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> fx(marks::count) == 0);
    }

    /**
     * Both filled by one bar, at one price: the person's dot is drawn over the bot's cross, and the label under the
     * pointer is the person's. ChartFX named the first of equally near points, the bot's, under the person's own dot.
     */
    @Test
    void aFillOfEachOnOneCandleAndPriceReadsAsTheMarkOnTop() throws Exception {
        TradingPipeline p = desk.pipeline;
        botBuys("cc9-1of1", 0.1); // the same size: the same slippage, the same price
        personBuys();
        bars(60, 62);
        Fill bot = await(p, x -> x.bot().broker().fills());
        Fill mine = await(p, x -> x.manualBroker().fills());
        assertThat(mine.time()).isEqualTo(bot.time());
        assertThat(mine.price()).isEqualTo(bot.price());
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> fx(dock.botFills()::count) == 1 && fx(dock.fills()::count) == 1);
        List<?> renderers = fx(() -> List.copyOf(view.node().getRenderers()));
        assertThat(renderers.indexOf(dock.fills().renderer())).as("the person's dots drawn over the bot's crosses")
                .isGreaterThan(renderers.indexOf(dock.botFills().renderer()));
        DeskHarness.pulses(3);
        Point2D at = fx(() -> view.node().getCanvas().localToScreen(view.timeAxis().getDisplayPosition(dock.fills().buys().get(0, 0)),
                view.priceAxis().getDisplayPosition(mine.price())));
        robot.moveTo(new Point2D(at.getX() - 30, at.getY() + 30));
        robot.moveTo(at);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).filter(t -> t.startsWith("your BUY 0.1 @ ")).isPresent());
    }

    /** A market buy on the bot's account as its coordination engine sends one (its book, a slice id); a bar fills it. */
    private void botBuys(String sliceId, double quantity) throws Exception {
        TradingPipeline p = desk.pipeline;
        CompletableFuture<Order> sent = new CompletableFuture<>();
        p.execute(() -> sent.complete(p.bot().broker().submit(OrderRequest.market(sliceId, BTC, OrderSide.BUY, quantity)
                .withOrigin(OrderOrigin.STRATEGY, CoordinationEngine.BOOK))));
        assertThat(sent.get(10, TimeUnit.SECONDS).state()).isNotEqualTo(OrderState.REJECTED);
    }

    /** The person's market buy of 0.1 from the ticket, once the pipeline has it. */
    private void personBuys() throws Exception {
        desk.service.submit(new TicketIntent(BTC, OrderSide.BUY, OrderType.MARKET, false, 0.1, 0, 0, 0, TimeInForce.GTC, 0, false));
        await(desk.pipeline, x -> x.manualBroker().orders());
    }

    /** Bars {@code from} (inclusive) to {@code to} of {@link #m1} close on the pipeline. */
    private void bars(int from, int to) {
        for (int i = from; i < to; i++) {
            bar(desk.pipeline, m1, i);
        }
    }

    private static void bar(TradingPipeline p, BarSeries s, int i) {
        p.onBarClose(s.symbol(), s.timeframe(), s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
    }

    /** The first of what {@code read} lists on the pipeline's thread (fills, orders), once there is one. */
    private static <T> T await(TradingPipeline p, Function<TradingPipeline, List<T>> read) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            CompletableFuture<List<T>> f = new CompletableFuture<>();
            p.execute(() -> f.complete(List.copyOf(read.apply(p))));
            List<T> fills = f.get(30, TimeUnit.SECONDS);
            if (!fills.isEmpty()) {
                return fills.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
