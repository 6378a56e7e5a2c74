package org.concord.engine;

import org.concord.data.DataProvider;
import org.concord.feed.BarReplayFeed;
import org.concord.feed.BundledData;
import org.concord.feed.BundledMarket;
import org.concord.feed.MarketFeed;
import org.concord.feed.ReplayFeed;
import org.concord.model.Symbol;
import org.concord.store.BarStore;
import org.concord.store.DataDirectory;
import org.concord.store.SqliteDatabase;
import org.concord.training.TrainingQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the headless parts of a Concord process: the data directory, the SQLite store, the DataProvider and
 * the active market feed. The GUI, the CLI and the server all start one; none of them wires core by hand.
 */
public final class ConcordRuntime implements AutoCloseable {
    public static final String STORE_FILE = "concord.db";
    private static final Logger LOG = LoggerFactory.getLogger(ConcordRuntime.class);

    private final Path dataDir;
    private final SqliteDatabase database;
    private final DataProvider data;
    /** The process's training queues: one per model id, whoever trains it. */
    private final TrainingQueues trainingQueues = new TrainingQueues();
    private volatile MarketFeed feed;
    private volatile List<BarReplayFeed> companions = List.of();

    public ConcordRuntime(Path dataDir) {
        this.dataDir = DataDirectory.ensure(dataDir);
        this.database = SqliteDatabase.open(this.dataDir.resolve(STORE_FILE));
        this.data = new DataProvider(new BarStore(database));
    }

    /** An engine on the default data directory ({@link DataDirectory#resolve()}). */
    public static ConcordRuntime openDefault() {
        return new ConcordRuntime(DataDirectory.resolve());
    }

    public Path dataDir() {
        return dataDir;
    }

    public SqliteDatabase database() {
        return database;
    }

    public TrainingQueues trainingQueues() {
        return trainingQueues;
    }

    public DataProvider data() {
        return data;
    }

    public MarketFeed feed() {
        return feed;
    }

    /** The bar replays playing beside the bundled tape replay (ETHUSD, AAPL; see {@link BundledMarket}); empty otherwise. */
    public List<BarReplayFeed> companions() {
        return companions;
    }

    /** Replaces the active feed with a replay of the bundled Bitstamp trades from the tape's start. */
    public synchronized ReplayFeed startBundledReplay(double speed, boolean loop) {
        return startBundledReplay(speed, loop, Long.MIN_VALUE);
    }

    /**
     * Replaces the active feed with a replay of the bundled Bitstamp trades that continues after {@code resumeAfter}
     * (see {@link ReplayFeed}); {@code Long.MIN_VALUE} starts at the tape's start. The other bundled instruments
     * (ETHUSD, AAPL) play beside it as bar replays ({@link BundledMarket} says on which clock and why).
     */
    public synchronized ReplayFeed startBundledReplay(double speed, boolean loop, long resumeAfter) {
        stopFeed();
        ReplayFeed replay = new ReplayFeed(BundledData.bitstampTrades(), data, speed, loop, resumeAfter);
        List<BarReplayFeed> bars = BundledMarket.companions(data, replay.tape().firstTime(), speed, loop);
        // one market clock: a seek of the tape moves the bar replays to the same instant, once the tape is there
        replay.onSeek(t -> bars.forEach(b -> b.seek(t)));
        feed = replay;
        replay.start();
        LOG.info("started {}", replay.name());
        companions = bars;
        for (BarReplayFeed b : bars) {
            b.start();
            LOG.info("started {}", b.name());
        }
        return replay;
    }

    /**
     * Where a seek of the bundled market to {@code time} (the tape's clock) puts each instrument: the tape's symbol at
     * {@code time}, each bar replay at the open time of the next bar it then delivers ({@link BarReplayFeed#resumeOpen});
     * one that has nothing more to deliver is left out. Empty without a bundled replay. Cheap (in-memory series).
     */
    public Map<Symbol, Long> seekPoints(long time) {
        Map<Symbol, Long> out = new LinkedHashMap<>();
        if (feed instanceof ReplayFeed r) {
            out.put(r.tape().symbol(), time);
            for (BarReplayFeed b : companions) {
                long open = b.resumeOpen(time);
                if (open != Long.MAX_VALUE) {
                    out.put(b.symbol(), open);
                }
            }
        }
        return out;
    }

    public synchronized void stopFeed() {
        MarketFeed f = feed;
        if (f != null) {
            f.stop();
            feed = null;
        }
        companions.forEach(BarReplayFeed::stop);
        companions = List.of();
    }

    @Override
    public synchronized void close() {
        stopFeed();
        data.close();
        database.close();
    }
}
