package org.concord.app.backtest;

import org.concord.backtest.BacktestConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * What the Backtest tab's form asks for: a preset, the bundled data (trades or 1m bars), the account's capital and
 * costs, optionally walk-forward windows and the synergy runs. Turned into a {@link BacktestConfig}, which validates it
 * (a bad duration or amount names the field).
 *
 * @param data        {@code bundled} (trades) or {@code bundled-bars} (1m bars), as in {@link BacktestConfig#data()}
 * @param account     the capital and the costs as typed; null for the defaults (10,000 USD, 10 bps, 2 bps)
 * @param range       the dates to trade as typed; null for all of the data
 * @param walkForward null for one range, else train/test/step durations ({@code 2d}, {@code 36h}; step may be blank)
 * @param synergy     trade horizons 5 and 240 and also run each alone (the synergy metric)
 */
public record BacktestRequest(String preset, String data, Account account, Range range, WalkForward walkForward, boolean synergy) {
    public static final List<String> PRESETS = List.of("minimal", "full", "research");
    public static final List<String> DATA = List.of("bundled", "bundled-bars");
    /** The horizons of a synergy run: scalping and short buckets (1m decision bars). */
    public static final List<Integer> SYNERGY_HORIZONS = List.of(5, 240);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public record WalkForward(String train, String test, String step) {
    }

    /**
     * The dates to trade as typed in the desk's display {@code zone}: {@code 2013-11-27} or {@code 2013-11-27 12:00};
     * either may be blank (from the first bar, to the last). A date alone as {@code to} includes that day, as a person
     * means "from the 27th to the 28th"; a time is where the range ends.
     */
    public record Range(String from, String to, ZoneId zone) {
        public Range {
            if (from == null || to == null || zone == null) {
                throw new IllegalArgumentException("from, to (the fields' text) and the zone are required");
            }
        }

        /** "2013-11-27 to end Europe/Berlin" as typed ("start to end …" for the whole data). */
        String describe() {
            return (from.isBlank() ? "start" : from.trim()) + " to " + (to.isBlank() ? "end" : to.trim()) + " " + zone;
        }

        /** The ISO instant of {@code from}, or null when blank. */
        String fromInstant() {
            return from.isBlank() ? null : at("from", from, false);
        }

        /** The ISO instant of {@code to} (exclusive), or null when blank. */
        String toInstant() {
            return to.isBlank() ? null : at("to", to, true);
        }

        private String at(String field, String typed, boolean end) {
            String t = typed.trim();
            try {
                if (t.length() <= 10) {
                    LocalDate d = LocalDate.parse(t);
                    return (end ? d.plusDays(1) : d).atStartOfDay(zone).toInstant().toString();
                }
                return LocalDateTime.parse(t, MINUTE).atZone(zone).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be a date (2013-11-27) or a date and time (2013-11-27 12:00), got '" + typed + "'");
            }
        }
    }

    /**
     * The account as typed: the starting cash (USD), one fee for maker and taker fills, and the slippage, both in basis
     * points. A serious backtest is read against its costs; they were fixed at the defaults, out of the person's hands.
     */
    public record Account(String capital, String feeBps, String slippageBps) {
        public Account {
            if (capital == null || feeBps == null || slippageBps == null) {
                throw new IllegalArgumentException("capital, fee and slippage are required (the fields' text)");
            }
        }

        /** "capital 25,000 USD, fee 5 bps, slippage 1.5 bps" as typed. */
        String describe() {
            return "capital " + capital.trim() + " USD, fee " + feeBps.trim() + " bps, slippage " + slippageBps.trim() + " bps";
        }
    }

    public BacktestRequest {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("preset must be one of " + PRESETS + ", got '" + preset + "'");
        }
        if (!DATA.contains(data)) {
            throw new IllegalArgumentException("data must be one of " + DATA + ", got '" + data + "'");
        }
    }

    /** The backtest configuration; throws {@link IllegalArgumentException} naming a bad field. */
    public BacktestConfig config() {
        BacktestConfig c = BacktestConfig.defaults().withPreset(preset).withData(data).withDescription(describe());
        if (account != null) {
            // checked here in the form's words: core names its fields (initialCash, takerBps), which the form does not show
            double capital = number("capital", account.capital());
            if (!(capital > 0) || Double.isInfinite(capital)) {
                throw new IllegalArgumentException("capital must be more than 0 USD, got '" + account.capital().trim() + "'");
            }
            double fee = bps("fee", account.feeBps());
            c = c.withCash(capital).withCosts(fee, fee, bps("slippage", account.slippageBps()));
        }
        if (range != null) {
            String from = range.fromInstant();
            String to = range.toInstant();
            if (from != null && to != null && !Instant.parse(from).isBefore(Instant.parse(to))) {
                throw new IllegalArgumentException("from " + range.from().trim() + " must be before to " + range.to().trim()
                        + (range.to().trim().length() <= 10 ? " (a date as 'to' includes that day)" : ""));
            }
            c = c.withRange(from, to); // both blank: null and null, the whole data
        }
        if (walkForward != null) {
            String step = walkForward.step() == null || walkForward.step().isBlank() ? null : walkForward.step().trim();
            c = c.withWalkForward(new BacktestConfig.WalkForward(blankToNull(walkForward.train()), blankToNull(walkForward.test()), step));
        }
        if (synergy) {
            c = c.withHorizons(SYNERGY_HORIZONS, true);
        }
        return c;
    }

    /** A file-name stem unique to this start: {@code full-bundled-wf-20250101-120000}. */
    public String runName(ZonedDateTime now) {
        return preset + "-" + data + (walkForward != null ? "-wf" : "") + (synergy ? "-synergy" : "") + "-"
                + STAMP.format(now.withZoneSameInstant(ZoneOffset.UTC));
    }

    private String describe() {
        return "workstation: " + preset + " preset, " + data + (account != null ? ", " + account.describe() : "")
                + (range != null ? ", " + range.describe() : "") + (walkForward != null ? ", walk-forward" : "") + (synergy ? ", synergy" : "");
    }

    /** A typed number ("10,000" reads as 10000); text that is not one is refused naming the field. */
    private static double number(String field, String typed) {
        try {
            return Double.parseDouble(typed.replace(",", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, got '" + typed + "'");
        }
    }

    /** Basis points as typed, between 0 and core's ceiling (a typo above it, not a market). */
    private static double bps(String field, String typed) {
        double v = number(field, typed);
        if (!(v >= 0 && v <= BacktestConfig.MAX_BPS)) {
            throw new IllegalArgumentException(field + " must be between 0 and " + (long) BacktestConfig.MAX_BPS + " bps, got '" + typed.trim() + "'");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
