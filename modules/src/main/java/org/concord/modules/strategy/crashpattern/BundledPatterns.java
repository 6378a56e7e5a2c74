package org.concord.modules.strategy.crashpattern;

import org.concord.backtest.BacktestData;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The library a new data directory starts with: the crashes of the bundled real data ({@link CrashEpisodes}), each
 * saved as the path that led into it and known from the bar after its confirmation on. What counts as a crash is set per series,
 * by how far that market moves: Bitstamp BTC/USD (Nov–Dec 2013) on 15-minute bars, 5 % within 8 hours; ETH/USD
 * (Mar 2023) on 5-minute bars, 3 % within 4 hours.
 */
public final class BundledPatterns {
    private static final Logger LOG = LoggerFactory.getLogger(BundledPatterns.class);
    /** Closes per pattern: 6 hours of 15-minute bars, 2 hours of 5-minute bars, up to half the fall. */
    static final int LENGTH = 24;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** A bundled series and what counts as a crash in it. */
    record Source(String what, Supplier<BarSeries> bars, double minFall, int withinBars) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("bundled Bitstamp BTC/USD trades", () -> BacktestData.bars(BundledData.bitstampTrades(), Timeframe.M15), 0.05, 32),
            new Source("bundled ETH/USD 5-minute bars", BundledData::eth5mBars, 0.03, 48));

    private BundledPatterns() {
    }

    /** Writes every bundled episode's pattern into {@code library}; returns how many were written. */
    public static int seed(PatternLibrary library) throws IOException {
        int written = 0;
        for (Source src : SOURCES) {
            BarSeries s = src.bars().get();
            for (CrashEpisodes.Episode e : CrashEpisodes.find(s, src.minFall(), src.withinBars())) {
                int from = e.trigger() - LENGTH + 1;
                if (from < 0) {
                    continue; // too early in the series for a whole window
                }
                String peak = MINUTE.format(Instant.ofEpochMilli(s.time(e.peak())));
                String name = String.format(Locale.ROOT, "%s %s crash %s (-%.1f%%)", s.symbol().code(), s.timeframe().code(), peak, e.fall() * 100);
                String why = String.format(Locale.ROOT, "%s: %.2f at %s, half the fall at %s, -%.1f%% at %s; the %d bars up to half the fall",
                        src.what(), s.close(e.peak()), peak, MINUTE.format(Instant.ofEpochMilli(s.time(e.trigger()))), e.fall() * 100,
                        MINUTE.format(Instant.ofEpochMilli(s.time(e.confirm()))), LENGTH);
                // known from the close of the bar after the confirmation: when the fall reached its size in the bar
                // that is also half of it, the window ends at the confirmation, and the crash must not match itself
                long known = s.timeframe().closeTime(s.time(e.confirm())) + s.timeframe().millis();
                library.saveEpisode(name, why, s.copyRange(from, e.trigger() + 1), known);
                written++;
            }
        }
        LOG.info("crash-pattern library: {} crashes of the bundled data written to {}", written, library.directory());
        return written;
    }
}
