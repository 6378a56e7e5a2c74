package org.concord.indicators;

import org.concord.data.BarListener;
import org.concord.data.TradeAggregator;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;

/**
 * The real bars the indicator tests run on: bars aggregated from the bundled Bitstamp BTC/USD trades (with the
 * forming-bar updates every trade caused), the bundled ETH/USD 5-minute bars, and their ta4j copies.
 */
final class RealBars {
    private static final Map<Timeframe, Updates> BITSTAMP = new EnumMap<>(Timeframe.class);

    private RealBars() {
    }

    /** Closed bars of {@code tf} built from the Bitstamp trades by the real {@link TradeAggregator}. */
    static BarSeries bitstamp(Timeframe tf) {
        return bitstampUpdates(tf).series();
    }

    /** The forming-bar updates (one per trade) and closes of {@code tf} from the Bitstamp trades. */
    static synchronized Updates bitstampUpdates(Timeframe tf) {
        return BITSTAMP.computeIfAbsent(tf, RealBars::aggregate);
    }

    static BarSeries eth5m() {
        return BundledData.eth5mBars();
    }

    private static Updates aggregate(Timeframe tf) {
        TradeTape tape = BundledData.bitstampTrades();
        Updates.Recorder rec = new Updates.Recorder(BundledData.BTCUSD, tf);
        TradeAggregator agg = new TradeAggregator(BundledData.BTCUSD, new BarListener() {
            @Override
            public void onBarUpdate(Symbol s, Timeframe t, long openTime, double o, double h, double l, double c, double v) {
                if (t == tf) {
                    rec.update(openTime, o, h, l, c, v);
                }
            }

            @Override
            public void onBarClose(Symbol s, Timeframe t, long openTime, double o, double h, double l, double c, double v) {
                if (t == tf) {
                    rec.close(openTime, o, h, l, c, v);
                }
            }
        }).publishUpdates(EnumSet.of(tf));
        for (int i = 0; i < tape.size(); i++) {
            agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
        }
        agg.advanceTo(tape.lastTime() + Timeframe.D1.millis());
        return rec.build();
    }

    /** A ta4j copy of {@code series} with {@code DecimalNum} (32 digits): the precise oracle. */
    static org.ta4j.core.BarSeries ta4j(BarSeries series) {
        return ta4j(series, DecimalNum::valueOf);
    }

    /** A ta4j copy of {@code series} with the given number type ({@code DoubleNum::valueOf} for speed). */
    static org.ta4j.core.BarSeries ta4j(BarSeries series, Function<Number, Num> numType) {
        org.ta4j.core.BarSeries s = new BaseBarSeriesBuilder().withName(series.symbol() + " " + series.timeframe())
                .withNumTypeOf(numType).build();
        Duration period = Duration.ofMillis(series.timeframe().millis());
        for (int i = 0; i < series.size(); i++) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(series.timeframe().closeTime(series.time(i))), ZoneOffset.UTC);
            s.addBar(period, end, series.open(i), series.high(i), series.low(i), series.close(i), series.volume(i));
        }
        return s;
    }
}
