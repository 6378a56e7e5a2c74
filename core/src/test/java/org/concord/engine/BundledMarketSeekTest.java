package org.concord.engine;

import org.concord.data.DataProvider;
import org.concord.execution.Fill;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.PaperBroker;
import org.concord.feed.BarReplayFeed;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.Bar;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.engine.BotAccountPipelineTest.desk;
import static org.concord.engine.BotAccountPipelineTest.onPipeline;

/**
 * The bundled market has one clock: a seek of the replay, forward or back, moves every instrument to the same instant
 * (ETHUSD's recording on its whole-day shift), and the paper session restarted for a seek back trades each instrument
 * only on the new timeline. Seen on the desk: only the BTCUSD tape went back, ETHUSD and AAPL went on forward, so the
 * person's ETHUSD/AAPL positions were reset while their data had not gone back. Real feeds on the bundled data.
 */
class BundledMarketSeekTest {
    static final long DAY = 86_400_000L;
    static final Symbol BTC = BundledData.BTCUSD;
    static final Symbol ETH = BundledData.ETHUSD;
    static final Symbol AAPL = BundledData.AAPL;

    @TempDir
    Path dir;

    @Test
    void aSeekMovesEveryInstrumentAndTheRestartedSessionTradesOnlyTheNewTimeline() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir); TradingPipeline p = desk(dir)) {
            p.subscribe(engine.data());
            DataProvider data = engine.data();
            ReplayFeed tape = engine.startBundledReplay(600, true);
            BarReplayFeed eth = companion(engine, ETH);
            BarReplayFeed aapl = companion(engine, AAPL);
            long first = tape.tape().firstTime();
            long late = first + 5 * DAY / 2; // a weekday on which ETHUSD's recording plays (its days 1..2 are the tape's 2..3)
            long back = first + 19 * DAY / 10; // ETHUSD's first evening

            // forward: the companions keep in step
            tape.seek(late);
            await(() -> tape.dataTime() >= late);
            pauseAll(engine, tape);
            assertAt(data, eth, late);
            assertAt(data, aapl, late);
            long oldEthOpen = data.latest(ETH, Timeframe.M5).orElseThrow().openTime();
            long oldAaplOpen = data.latest(AAPL, Timeframe.D1).orElseThrow().openTime();

            // back: every instrument goes to the same instant, the session restarted for all of them first
            Map<Symbol, Long> points = engine.seekPoints(back);
            assertThat(points).containsOnlyKeys(BTC, ETH, AAPL).containsEntry(BTC, back);
            String said = p.restartPaperSession(points).get(30, TimeUnit.SECONDS);
            assertThat(said).contains("paper account reset");
            // the old timeline's next bars, still on their way when the session restarted: kept from the fresh accounts
            p.onBarClose(ETH, Timeframe.M5, oldEthOpen + 300_000, 9_000, 9_001, 8_999, 9_000, 1);
            p.onBarClose(AAPL, Timeframe.D1, oldAaplOpen + DAY, 900, 901, 899, 900, 1);
            tape.seek(back);
            await(() -> tape.dataTime() <= back && eth.dataTime() <= own(eth, back) && aapl.dataTime() <= back);
            assertThat(p.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
            assertAt(data, eth, back);
            assertAt(data, aapl, back);
            assertThat(data.clock(BTC)).isEqualTo(back);
            PaperBroker person = p.manualPaper();
            PaperBroker bot = p.bot().paper();
            // marked at once by the bar each instrument closed last by the instant, delivered again: an AAPL order need
            // not wait for the tape's next midnight; never by the old timeline's bars (9,000 and 900)
            String expected = lastCloseBy(eth, back) + " " + lastCloseBy(aapl, back) + " 0.0 0.0 0";
            for (PaperBroker a : List.of(person, bot)) {
                await(() -> markedOnPipeline(p, a));
                String marks = onPipeline(p, x -> a.markPrice(ETH) + " " + a.markPrice(AAPL) + " " + a.position(ETH).quantity()
                        + " " + a.position(AAPL).quantity() + " " + a.fills().size());
                assertThat(marks).as("ETHUSD/AAPL marks, positions, fills of a fresh account").isEqualTo(expected);
            }

            // the new timeline marks and fills the fresh accounts: at its own (earlier) times
            tape.setSpeed(5_000);
            resumeAll(engine, tape);
            await(() -> markedOnPipeline(p, person));
            onPipeline(p, x -> person.submit(OrderRequest.market("man-eth", ETH, OrderSide.BUY, 0.01).manual()));
            onPipeline(p, x -> person.submit(OrderRequest.market("man-aapl", AAPL, OrderSide.BUY, 1).manual()));
            await(() -> fills(p, person).size() >= 2);
            for (Fill f : fills(p, person)) {
                // by the bar it filled at (a market order: the next bar's open, 2 bps slippage), and at that bar's time in
                // the instrument's own calendar (ETHUSD's 2023, AAPL's 2013)
                BarReplayFeed b = f.symbol().equals(ETH) ? eth : aapl;
                assertThat(filledAt(b.series(), f.price())).as("%s filled by a bar of the new timeline, before where the old one had been", f.symbol())
                        .contains(f.time())
                        .anySatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(own(b, back) - DAY).isLessThan(own(b, late)));
            }
            assertThat(p.failures()).as("first: %s", p.firstFailure()).isZero();
        }
    }

    /** Open times of the recorded bars whose open, with a buy's 2 bps slippage, is {@code price}. */
    private static List<Long> filledAt(BarSeries bars, double price) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            if (Math.abs(bars.open(i) * 1.0002 - price) <= price * 1e-9) {
                out.add(bars.time(i));
            }
        }
        return out;
    }

    /** The lead's instant in {@code b}'s own calendar. */
    private static long own(BarReplayFeed b, long leadTime) {
        return leadTime + b.shift();
    }

    private static long latestClose(DataProvider data, BarReplayFeed b) {
        return data.latest(b.symbol(), b.timeframe()).map(Bar::closeTime).orElse(Long.MIN_VALUE);
    }

    /** {@code b}'s newest bar is the one that closed last at the instant: the recording's next one covers it. */
    private static void assertAt(DataProvider data, BarReplayFeed b, long leadTime) throws InterruptedException {
        long own = own(b, leadTime);
        int k = lastClosedBy(b, own);
        BarSeries bars = b.series();
        long lastBefore = b.timeframe().closeTime(bars.time(k));
        await(() -> latestClose(data, b) == lastBefore);
        assertThat(data.clock(b.symbol())).as("%s's clock", b.symbol()).isLessThanOrEqualTo(own);
        assertThat(bars.time(k + 1)).as("%s's next bar covers the instant", b.symbol()).isLessThanOrEqualTo(own);
    }

    /** Index of the recording's last bar closed by {@code own} ({@code b}'s calendar). */
    private static int lastClosedBy(BarReplayFeed b, long own) {
        BarSeries bars = b.series();
        int k = 0;
        while (k + 1 < bars.size() && b.timeframe().closeTime(bars.time(k + 1)) <= own) {
            k++;
        }
        assertThat(b.timeframe().closeTime(bars.time(k))).isLessThanOrEqualTo(own);
        return k;
    }

    private static double lastCloseBy(BarReplayFeed b, long leadTime) {
        return b.series().close(lastClosedBy(b, own(b, leadTime)));
    }

    private static boolean markedOnPipeline(TradingPipeline p, PaperBroker a) {
        try {
            return onPipeline(p, x -> a.markPrice(ETH) > 0 && a.markPrice(AAPL) > 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Fill> fills(TradingPipeline p, PaperBroker a) {
        try {
            return onPipeline(p, x -> List.copyOf(a.fills()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BarReplayFeed companion(ConcordRuntime engine, Symbol s) {
        return engine.companions().stream().filter(b -> b.symbol().equals(s)).findFirst().orElseThrow();
    }

    private static void pauseAll(ConcordRuntime engine, ReplayFeed tape) {
        tape.pause();
        engine.companions().forEach(BarReplayFeed::pause);
    }

    private static void resumeAll(ConcordRuntime engine, ReplayFeed tape) {
        tape.resume();
        engine.companions().forEach(BarReplayFeed::resume);
    }

    private static void await(BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
