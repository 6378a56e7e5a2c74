package org.concord.app.cli;

import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code concord replay}: plays the bundled trades through the engine headless and reports what it built. Only the
 * trades in {@code [--from, --to]} are played and the bars that end by {@code --to} are closed, so the store receives
 * exactly the range asked for (and {@code --out} writes it).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay the bundled real Bitstamp trades through the DataProvider (and the store), headless.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--speed", defaultValue = "max", description = "replay speed: max or a multiple of real time (e.g. 60)")
    String speed;

    @Option(names = "--timeframe", defaultValue = "1m", description = "timeframe of the bars written with --out")
    String timeframe;

    @Option(names = "--out", description = "write the replayed bars to this file (.csv or .json)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Timeframe tf = Timeframe.ofCode(timeframe);
        double sp = "max".equalsIgnoreCase(speed) ? ReplayFeed.MAX_SPEED : Double.parseDouble(speed);
        TradeTape all = BundledData.bitstampTrades();
        long from = common.fromMillis(all.firstTime());
        long to = common.toMillis(all.lastTime());
        if (from > to) {
            throw new IllegalArgumentException("--from is after --to");
        }
        TradeTape tape = all.between(from, to);
        if (tape.size() == 0) {
            throw new IllegalArgumentException("no bundled trades in [" + iso(from) + ", " + iso(to) + "]: the tape covers "
                    + iso(all.firstTime()) + ".." + iso(all.lastTime()));
        }
        Path dataDir = common.dataDir();
        common.validatedConfig(dataDir);
        try (ConcordRuntime engine = new ConcordRuntime(dataDir)) {
            DataProvider data = engine.data();
            AtomicLong closes = new AtomicLong();
            data.subscribeBarCloses((s, t, o, h, l, c, v, x) -> closes.incrementAndGet());
            ReplayFeed feed = new ReplayFeed(tape, data, sp, false);
            Progress progress = new Progress(System.err, "replay");
            feed.start();
            long t0 = System.nanoTime();
            while (!feed.awaitFinished(100, TimeUnit.MILLISECONDS)) {
                progress.update((double) (feed.dataTime() - from) / Math.max(1, to - from), "trades " + feed.delivered());
            }
            feed.stop();
            if (to < all.lastTime()) {
                data.onClock(tape.symbol(), to + 1); // the tape goes on after --to: the bars ending by then are complete
            }
            data.flush();
            double secs = (System.nanoTime() - t0) / 1e9;
            progress.done(String.format(Locale.ROOT, "%d trades, %d bar closes in %.2f s", feed.delivered(), closes.get(), secs));
            BarSeries bars = data.bars(BundledData.BTCUSD, tf, from, to, Integer.MAX_VALUE, Direction.LATEST);
            System.out.printf(Locale.ROOT, "replayed %s %s: %d %s bars, data dir %s%n", BundledData.BTCUSD,
                    iso(from) + ".." + iso(to), bars.size(), tf, engine.dataDir());
            if (out != null) {
                BarFiles.write(bars, out);
                System.out.println("wrote " + out);
            }
            return 0;
        }
    }

    private static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
