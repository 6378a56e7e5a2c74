package org.concord.risk;

import org.concord.execution.OrderSide;
import org.concord.model.Symbol;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Exposure by instrument, direction, book and correlated cluster for one check, and the largest part of an order
 * each limit lets through. Orders are applied one after another so that every intermediate state is checked.
 *
 * <p>Worst case per side: for each instrument {@code up = position + open buys} and {@code dn = position - open
 * sells} (as if every working order on that side filled). A buy raises {@code up}, a sell lowers {@code dn}; the
 * state after a fill lies between, so checking both sides covers it. Notionals are at the check's prices and are
 * compared with {@code limit * equity'}, where {@code equity'} is the equity less a cost buffer for each order
 * applied.
 *
 * <p>The invariant, per exposure (an instrument's, a book's, a correlated cluster's, or an account total): after each
 * order its notional is within {@code limit * equity'}, or no larger than before the order (an exposure a price move
 * already pushed over its limit may be reduced, never increased). Exposures an order does not change keep their
 * notional; only the order's assumed cost moves their ratio, as any price tick does. Every exposure is convex in
 * the order size, so what a rule allows is an interval from 0, found by bisection.
 */
public final class ExposureMonitor {
    /** Rules evaluated on the exposure state, in the order events report them. */
    static final RiskRule[] EXPOSURE_RULES = {RiskRule.ASSET_EXPOSURE, RiskRule.LONG_EXPOSURE, RiskRule.SHORT_EXPOSURE,
            RiskRule.GROSS_EXPOSURE, RiskRule.NET_EXPOSURE, RiskRule.BOOK_EXPOSURE, RiskRule.CORRELATED_EXPOSURE};

    private final RiskLimits limits;
    private final CorrelationAnalyzer correlations;
    private Symbol[] sym = new Symbol[8];
    private double[] up = new double[8];
    private double[] dn = new double[8];
    private double[] pos = new double[8];
    private double[] px = new double[8];
    private int n;
    private final Map<String, double[]> books = new HashMap<>();
    private double equity;
    private double[][] rho;

    ExposureMonitor(RiskLimits limits, CorrelationAnalyzer correlations) {
        this.limits = limits;
        this.correlations = correlations;
    }

    /** The state of {@code portfolio} valued at {@code market}'s prices (instruments without a price are left out). */
    static ExposureMonitor of(RiskLimits limits, CorrelationAnalyzer corr, AccountBooks portfolio, MarketView market) {
        ExposureMonitor m = new ExposureMonitor(limits, corr);
        m.equity = portfolio.equity();
        for (Symbol s : portfolio.symbols()) {
            double p = market.price(s);
            if (p > 0 && !Double.isInfinite(p)) {
                int k = m.slot(s, p);
                double q = portfolio.positionQuantity(s);
                m.pos[k] = q;
                m.up[k] = q + portfolio.openQuantity(s, OrderSide.BUY);
                m.dn[k] = q - portfolio.openQuantity(s, OrderSide.SELL);
            }
        }
        for (String b : portfolio.books()) {
            double[] bq = m.book(b);
            for (int k = 0; k < m.n; k++) {
                bq[k] = portfolio.bookQuantity(b, m.sym[k]);
            }
        }
        return m;
    }

    double equity() {
        return equity;
    }

    int size() {
        return n;
    }

    Symbol symbol(int k) {
        return sym[k];
    }

    double position(int k) {
        return pos[k];
    }

    double price(int k) {
        return px[k];
    }

    /** The slot of {@code s}, added at price {@code p} when new. */
    int slot(Symbol s, double p) {
        for (int k = 0; k < n; k++) {
            if (sym[k].equals(s)) {
                return k;
            }
        }
        if (n == sym.length) {
            int c = n * 2;
            sym = Arrays.copyOf(sym, c);
            up = Arrays.copyOf(up, c);
            dn = Arrays.copyOf(dn, c);
            pos = Arrays.copyOf(pos, c);
            px = Arrays.copyOf(px, c);
            books.replaceAll((b, a) -> Arrays.copyOf(a, c));
        }
        sym[n] = s;
        px[n] = p;
        rho = null;
        return n++;
    }

    private double[] book(String b) {
        return books.computeIfAbsent(b, k -> new double[sym.length]);
    }

    /** Applies a (checked) order to the state. */
    void apply(int k, String book, double q) {
        if (q > 0) {
            up[k] += q;
        } else {
            dn[k] += q;
        }
        pos[k] += q;
        if (book != null) {
            book(book)[k] += q;
        }
        equity -= Math.abs(q) * px[k] * limits.costBufferBps() * 1e-4;
    }

    /** Equity after paying the cost buffer on an order of {@code q} in slot {@code k}. */
    double equityAfter(int k, double q) {
        return equity - Math.abs(q) * px[k] * limits.costBufferBps() * 1e-4;
    }

    /** The rule's exposure (notional) if {@code q} of slot {@code k} were added for {@code book}. */
    double measure(RiskRule rule, int k, String book, double q) {
        double bu = q > 0 ? q : 0;
        double bd = q < 0 ? q : 0;
        switch (rule) {
            case ASSET_EXPOSURE:
                return Math.max(Math.abs(up[k] + bu), Math.abs(dn[k] + bd)) * px[k];
            case LONG_EXPOSURE: {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += Math.max(0, up[i] + (i == k ? bu : 0)) * px[i];
                }
                return s;
            }
            case SHORT_EXPOSURE: {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += Math.max(0, -(dn[i] + (i == k ? bd : 0))) * px[i];
                }
                return s;
            }
            case GROSS_EXPOSURE: {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += Math.max(Math.abs(up[i] + (i == k ? bu : 0)), Math.abs(dn[i] + (i == k ? bd : 0))) * px[i];
                }
                return s;
            }
            case NET_EXPOSURE: {
                double su = 0;
                double sd = 0;
                for (int i = 0; i < n; i++) {
                    su += (up[i] + (i == k ? bu : 0)) * px[i];
                    sd += (dn[i] + (i == k ? bd : 0)) * px[i];
                }
                return Math.max(Math.abs(su), Math.abs(sd));
            }
            case BOOK_EXPOSURE: {
                if (book == null) {
                    return 0;
                }
                double[] b = books.get(book);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double v = (b == null ? 0 : b[i]) + (i == k ? q : 0);
                    s += Math.abs(v) * px[i];
                }
                return s;
            }
            case CORRELATED_EXPOSURE:
                return correlated(k, bu, bd);
            default:
                throw new IllegalArgumentException("not an exposure rule: " + rule);
        }
    }

    /** The largest cluster exposure among the instruments correlated with slot {@code k} (itself included). */
    private double correlated(int k, double bu, double bd) {
        double[][] r = rho();
        double worst = 0;
        for (int t = 0; t < n; t++) {
            if (r[t][k] >= limits.correlationThreshold()) {
                worst = Math.max(worst, cluster(t, k, bu, bd));
            }
        }
        return worst;
    }

    /** Exposure of the cluster around slot {@code t} with {@code bu}/{@code bd} added to slot {@code k}. */
    private double cluster(int t, int k, double bu, double bd) {
        double[][] r = rho();
        double th = limits.correlationThreshold();
        double su = 0;
        double sd = 0;
        for (int i = 0; i < n; i++) {
            double w = r[t][i];
            if (w >= th) {
                su += w * (up[i] + (i == k ? bu : 0)) * px[i];
                sd += w * (dn[i] + (i == k ? bd : 0)) * px[i];
            }
        }
        return Math.max(Math.abs(su), Math.abs(sd));
    }

    private double[][] rho() {
        if (rho == null || rho.length < n) {
            double[][] r = new double[n][n];
            for (int i = 0; i < n; i++) {
                r[i][i] = 1;
                for (int j = 0; j < i; j++) {
                    double c = correlations == null ? 0 : correlations.correlation(sym[i], sym[j]);
                    r[i][j] = c;
                    r[j][i] = c;
                }
            }
            rho = r;
        }
        return rho;
    }

    /**
     * Whether the rule lets {@code q} through: each exposure it governs that the order changes (the instrument's,
     * the book's, every cluster holding the instrument, or the account total) ends within the limit, or at least
     * no larger than before.
     */
    boolean allows(RiskRule rule, int k, String book, double q) {
        double cap = limits.limit(rule) * equityAfter(k, q);
        if (rule == RiskRule.CORRELATED_EXPOSURE) {
            double[][] r = rho();
            double bu = q > 0 ? q : 0;
            double bd = q < 0 ? q : 0;
            for (int t = 0; t < n; t++) {
                if (r[t][k] >= limits.correlationThreshold()) {
                    double v = cluster(t, k, bu, bd);
                    if (v > cap && v > cluster(t, k, 0, 0)) {
                        return false;
                    }
                }
            }
            return true;
        }
        double v = measure(rule, k, book, q);
        return v <= cap || v <= measure(rule, k, book, 0);
    }

    /** The largest {@code t * q} with {@code t} in [0, 1] the rule allows. */
    double allowed(RiskRule rule, int k, String book, double q) {
        if (allows(rule, k, book, q)) {
            return q;
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 64 && hi - lo > 1e-15; i++) {
            double mid = 0.5 * (lo + hi);
            if (allows(rule, k, book, mid * q)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo * q;
    }

    /** Exposure of {@code rule} now, as a fraction of equity (for reports and tests). */
    public double exposure(RiskRule rule, Symbol s, String book) {
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (sym[i].equals(s)) {
                k = i;
            }
        }
        if (k < 0) {
            return 0;
        }
        return measure(rule, k, book, 0) / equity;
    }
}
