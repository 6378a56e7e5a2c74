package org.concord.instrument;

import org.concord.model.Symbol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One tradable instrument on one venue: our symbol (the name the configuration, the desk and the bundled replay use,
 * e.g. {@code BTCUSD}), the venue, the venue's own symbol for it (Binance: {@code BTCUSDT}), its base and quote asset,
 * and the venue's trading grid: price tick, quantity step, minimum quantity and minimum notional (price x quantity, in
 * the quote asset). A zero minimum means none. Every value is checked here, so a bad listing fails where it is made.
 */
public record Instrument(Symbol symbol, String venue, Symbol venueSymbol, String baseAsset, String quoteAsset,
                         BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQty, BigDecimal minNotional) {
    private static final Pattern VENUE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");

    public Instrument {
        if (symbol == null || venueSymbol == null) {
            throw new IllegalArgumentException("instrument needs our symbol and the venue's symbol, got " + symbol + " / " + venueSymbol);
        }
        if (venue == null || !VENUE.matcher(venue).matches()) {
            throw new IllegalArgumentException("instrument " + symbol + ": venue must be a lower-case name (e.g. binance), got '" + venue + "'");
        }
        baseAsset = asset(symbol, "baseAsset", baseAsset);
        quoteAsset = asset(symbol, "quoteAsset", quoteAsset);
        if (baseAsset.equals(quoteAsset)) {
            throw new IllegalArgumentException("instrument " + symbol + ": base and quote asset are both " + baseAsset);
        }
        tickSize = positive(symbol, "tickSize", tickSize);
        stepSize = positive(symbol, "stepSize", stepSize);
        minQty = notNegative(symbol, "minQty", minQty);
        minNotional = notNegative(symbol, "minNotional", minNotional);
    }

    private static String asset(Symbol s, String name, String v) {
        String a = v == null ? "" : v.trim().toUpperCase(Locale.ROOT);
        if (!ASSET.matcher(a).matches()) {
            throw new IllegalArgumentException("instrument " + s + ": " + name + " must be 1-20 letters/digits, got '" + v + "'");
        }
        return a;
    }

    private static BigDecimal positive(Symbol s, String name, BigDecimal v) {
        if (v == null || v.signum() <= 0) {
            throw new IllegalArgumentException("instrument " + s + ": " + name + " must be > 0, got " + v);
        }
        return v.stripTrailingZeros();
    }

    private static BigDecimal notNegative(Symbol s, String name, BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw new IllegalArgumentException("instrument " + s + ": " + name + " must be >= 0, got " + v);
        }
        return v.stripTrailingZeros();
    }

    /** The same listing under another of our symbols (the registry maps a venue's own name to ours). */
    public Instrument as(Symbol ours) {
        return new Instrument(ours, venue, venueSymbol, baseAsset, quoteAsset, tickSize, stepSize, minQty, minNotional);
    }

    /** {@code quantity} rounded DOWN onto the step (an order never grows by rounding). */
    public BigDecimal roundQuantity(double quantity) {
        return BigDecimal.valueOf(quantity).divide(stepSize, 0, RoundingMode.DOWN).multiply(stepSize).stripTrailingZeros();
    }

    /** {@code price} onto the tick in the direction that never worsens the order: a buy rounds down, a sell up. */
    public BigDecimal roundPrice(double price, boolean buy) {
        return BigDecimal.valueOf(price).divide(tickSize, 0, buy ? RoundingMode.FLOOR : RoundingMode.CEILING).multiply(tickSize)
                .stripTrailingZeros();
    }

    /**
     * Why an order of {@code quantity} (already on the step) valued at {@code price} cannot be placed here, or null:
     * below the minimum quantity, or a notional below the minimum ({@code price <= 0}: no price to value it, refused
     * when a minimum notional applies).
     */
    public String refusal(BigDecimal quantity, double price) {
        if (quantity.signum() <= 0 || quantity.compareTo(minQty) < 0) {
            return venueSymbol + " on " + venue + ": quantity " + quantity.toPlainString() + " below the minimum " + minQty.toPlainString()
                    + " (step " + stepSize.toPlainString() + ")";
        }
        if (minNotional.signum() > 0) {
            if (!(price > 0)) {
                return venueSymbol + " on " + venue + ": no price yet to check the minimum notional " + minNotional.toPlainString() + " " + quoteAsset;
            }
            BigDecimal notional = quantity.multiply(BigDecimal.valueOf(price));
            if (notional.compareTo(minNotional) < 0) {
                return venueSymbol + " on " + venue + ": notional " + notional.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + quoteAsset
                        + " below the minimum " + minNotional.toPlainString() + " " + quoteAsset;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return symbol + (symbol.equals(venueSymbol) ? "" : "=" + venueSymbol) + "@" + venue + "[" + baseAsset + "/" + quoteAsset + " tick "
                + tickSize.toPlainString() + " step " + stepSize.toPlainString() + " minQty " + minQty.toPlainString() + " minNotional "
                + minNotional.toPlainString() + "]";
    }
}
