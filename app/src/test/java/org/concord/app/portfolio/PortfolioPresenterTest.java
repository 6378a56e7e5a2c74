package org.concord.app.portfolio;

import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Presenters;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.DisplayFormat;
import org.concord.coordination.AllocationUpdate;
import org.concord.coordination.BucketValues;
import org.concord.coordination.CoordinationEngine;
import org.concord.coordination.CoordinationTopics;
import org.concord.engine.TradingPipeline;
import org.concord.engine.TradingPipelineConfig;
import org.concord.execution.ExecutionTopics;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot portfolio tab is the bot's (coordination) account: its event list shows the bot's fills, not the person's
 * own orders from the ticket (a person trying the desk saw "fill BUY 0.1000 BTCUSD @ 902.18 (manual)" listed there).
 */
class PortfolioPresenterTest {
    private final InProcessEventBus bus = new InProcessEventBus();
    private final Presenters presenters = new Presenters();

    @AfterEach
    void close() {
        presenters.close();
        bus.close();
    }

    private static Fill fill(long id, String book) {
        return new Fill(id, id, "c" + id, Symbol.of("BTCUSD"), OrderSide.BUY, 0.1, 902.18, 0.1, Liquidity.TAKER, 1_000L * id, book);
    }

    @Test
    void onlyTheBotsFillsAreListed() throws Exception {
        PortfolioPresenter p = new PortfolioPresenter(bus, presenters, new DisplaySettings(DisplayFormat.UTC));
        bus.publish(ExecutionTopics.FILLS, fill(1, "manual"));
        bus.publish(ExecutionTopics.FILLS, fill(2, CoordinationEngine.BOOK));
        AtomicReference<PortfolioModel> shown = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> {
            PortfolioModel m = p.slot().take();
            if (m != null) {
                shown.set(m);
            }
            return shown.get() != null && !shown.get().events().isEmpty();
        });
        assertThat(shown.get().events()).singleElement().asString().contains("(" + CoordinationEngine.BOOK + ")");
    }

    /**
     * Seen on the real display: after a seek back restarted the paper session, the equity and allocation charts drew
     * the old session's curve with the new one's joined onto its start. The curves start again when the data goes back.
     */
    @Test
    void whenTheDataGoesBackTheCurvesStartAgain() throws Exception {
        PortfolioPresenter p = new PortfolioPresenter(bus, presenters, new DisplaySettings(DisplayFormat.UTC));
        long t0 = 1_385_337_600_000L;
        TradingPipelineConfig cfg = TradingPipelineConfig.defaults(Timeframe.M1, Symbol.of("BTCUSD"), 5);
        PortfolioPublisher before = new PortfolioPublisher(TradingPipeline.synchronous(cfg, bus).engine(), bus);
        for (int i = 10; i < 20; i++) {
            before.onBar(t0 + i * 60_000L);
        }
        bus.publish(CoordinationTopics.ALLOCATIONS, allocation(t0 + 19 * 60_000L));
        waitForModel(p, m -> m.equityTime().length == 10 && m.allocationTime().length == 1);
        // the seek back: a fresh engine, earlier data
        PortfolioPublisher after = new PortfolioPublisher(TradingPipeline.synchronous(cfg, bus).engine(), bus);
        bus.publish(CoordinationTopics.ALLOCATIONS, allocation(t0 + 2 * 60_000L));
        after.onBar(t0 + 2 * 60_000L);
        after.onBar(t0 + 3 * 60_000L);
        PortfolioModel m = waitForModel(p, x -> x.latest() != null && x.latest().time() == t0 + 3 * 60_000L);
        assertThat(m.equityTime()).containsExactly(t0 + 2 * 60_000L, t0 + 3 * 60_000L);
        assertThat(m.allocationTime()).containsExactly(t0 + 2 * 60_000L);
    }

    private static AllocationUpdate allocation(long time) {
        double[] quarter = {0.25, 0.25, 0.25, 0.25};
        return new AllocationUpdate(time, "RANGING", BucketValues.of(quarter), BucketValues.of(quarter), BucketValues.of(quarter));
    }

    private static PortfolioModel waitForModel(PortfolioPresenter p, Predicate<PortfolioModel> done) throws Exception {
        AtomicReference<PortfolioModel> shown = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> {
            PortfolioModel m = p.slot().take();
            if (m != null) {
                shown.set(m);
            }
            return shown.get() != null && done.test(shown.get());
        });
        return shown.get();
    }
}
