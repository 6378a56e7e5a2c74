package org.concord.app.backtest;

import org.concord.backtest.BacktestConfig;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the Backtest tab's form asks for: a preset, the bundled data (trades or 1m bars), the account's capital and
 * costs, optionally walk-forward windows and the synergy runs. Turned into a {@link BacktestConfig}, which validates it
 * (a bad duration or amount names the field).
 *
 * @param data        {@code bundled} (trades) or {@code bundled-bars} (1m bars), as in {@link BacktestConfig#data()}
 * @param account     the capital and the costs as typed; null for the defaults (10,000 USD, 10 bps, 2 bps)
 * @param walkForward null for one range, else train/test/step durations ({@code 2d}, {@code 36h}; step may be blank)
 * @param synergy     trade horizons 5 and 240 and also run each alone (the synergy metric)
 */
public record BacktestRequest(String preset, String data, Account account, WalkForward walkForward, boolean synergy) {
    public static final List<String> PRESETS = List.of("minimal", "full", "research");
    public static final List<String> DATA = List.of("bundled", "bundled-bars");
    /** The horizons of a synergy run: scalping and short buckets (1m decision bars). */
    public static final List<Integer> SYNERGY_HORIZONS = List.of(5, 240);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public record WalkForward(String train, String test, String step) {
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
            double fee = number("fee", account.feeBps());
            c = c.withCash(number("capital", account.capital())).withCosts(fee, fee, number("slippage", account.slippageBps()));
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
        return "workstation: " + preset + " preset, " + data + (account != null ? ", capital " + account.capital().trim() + " USD, fee "
                + account.feeBps().trim() + " bps, slippage " + account.slippageBps().trim() + " bps" : "")
                + (walkForward != null ? ", walk-forward" : "") + (synergy ? ", synergy" : "");
    }

    /** A typed number ("10,000" reads as 10000); text that is not one is refused naming the field. */
    private static double number(String field, String typed) {
        try {
            return Double.parseDouble(typed.replace(",", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, got '" + typed + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
