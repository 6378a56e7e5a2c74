package org.concord.app.live;

import org.concord.app.shell.Presenters;
import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.Bar;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchlist's rows are offered to the FX thread only when they changed: a paused desk redraws nothing. */
class WatchlistPresenterTest {
    static final TradeTape TAPE = BundledData.bitstampTrades();
    @TempDir
    Path dir;

    @Test
    void unchangedRowsAreNotOfferedAgainNewBarsAre() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
             DataProvider data = new DataProvider(new BarStore(db));
             InProcessEventBus bus = new InProcessEventBus();
             Presenters presenters = new Presenters()) {
            seed(data);
            WatchlistPresenter w = new WatchlistPresenter(data, bus, presenters, List.of(TAPE.symbol()), s -> 0.0, s -> 0.0);
            // the presenters' timer offers the first rows (every 500 ms); then nothing changes
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (w.slot().take() == null) {
                assertThat(System.nanoTime()).as("the first rows within 30 s").isLessThan(deadline);
                Thread.sleep(20); // poll interval
            }
            w.refresh();
            assertThat(w.slot().take()).as("nothing changed (a paused replay): nothing to draw").isNull();

            int at = 2_000;
            long minute = TAPE.time(at - 1) / 60_000;
            while (TAPE.time(at) / 60_000 == minute) {
                at++;
            }
            feed(data, TAPE, 2_000, at + 1); // the next minute's first trade closes a bar: a new last price
            w.refresh();
            List<WatchlistPresenter.Row> next = w.slot().take();
            assertThat(next).as("a new bar changed the row").isNotNull();
            w.close();
        }
    }

    /**
     * After a seek back the decision column showed the old timeline's last decision until the next one came (seen on
     * the desk): a decision newer than the instrument's newest bar belongs to the timeline the replay left.
     */
    @Test
    void aDecisionNewerThanTheInstrumentsNewestBarIsNotShownAfterASeekBack() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
             DataProvider data = new DataProvider(new BarStore(db));
             InProcessEventBus bus = new InProcessEventBus();
             Presenters presenters = new Presenters()) {
            seed(data);
            WatchlistPresenter w = new WatchlistPresenter(data, bus, presenters, List.of(TAPE.symbol()), s -> 0.0, s -> 0.0);
            Bar newest = data.latest(TAPE.symbol(), Timeframe.M1).orElseThrow();
            long at = Timeframe.M1.closeTime(newest.openTime());
            bus.publish(OrchestratorTopics.DECISIONS, new Decision(1, TAPE.symbol(), Timeframe.M1, at, newest.close(), Action.BUY, 0.6, 0.6,
                    "rule", List.of()));
            assertThat(decisionShown(w)).isEqualTo("BUY 0.60");

            data.resetSession(TAPE.symbol(), TAPE.time(500)); // the seek back: the data start again earlier
            feed(data, TAPE, 500, 1_000);
            assertThat(decisionShown(w)).as("the old timeline's decision is gone").isEqualTo("—");
            w.close();
        }
    }

    /** The decision column once the presenter has read the bus's decision (refreshed here and by its timer). */
    private static String decisionShown(WatchlistPresenter w) throws InterruptedException {
        w.refresh();
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<WatchlistPresenter.Row> rows;
        while ((rows = w.slot().take()) == null) {
            assertThat(System.nanoTime()).as("rows within 30 s").isLessThan(deadline);
            Thread.sleep(20); // poll interval
            w.refresh();
        }
        return rows.get(0).decision();
    }

    /** The tape's first 2,000 trades, in a session that starts at its first. */
    private static void seed(DataProvider data) {
        data.resetSession(TAPE.symbol(), TAPE.firstTime());
        feed(data, TAPE, 0, 2_000);
    }

    private static void feed(DataProvider data, TradeTape tape, int from, int to) {
        for (int i = from; i < to; i++) {
            data.onTrade(tape.symbol(), tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
        }
    }
}
