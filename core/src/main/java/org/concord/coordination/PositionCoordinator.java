package org.concord.coordination;

import org.concord.execution.PositionSizer;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.model.Symbol;
import org.concord.risk.PlannedOrder;
import org.concord.risk.TradePlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Turns one decision's signals into a {@link TradePlan} of per-bucket position changes:
 * <ol>
 *   <li>reject signals with bad numbers (or from the future) with the reason, and skip those the meta-labeling gate
 *       stops (meta confidence below the sizing config's {@code minMetaConfidence});</li>
 *   <li>combine each bucket's signals per symbol into a {@link BucketIntent}, weighting sources by the learner;</li>
 *   <li>per symbol: scale aligned buckets ({@link SignalAlignment}), resolve opposite ones ({@link ConflictResolver});</li>
 *   <li>size each intent: {@code allocation * equity * sizer fraction * alignment * conflict scale}, capped at the
 *       sizer's safety fraction of the bucket's capital; a spot account turns a sell into "exit";</li>
 *   <li>books held past their bucket's maximum holding period go flat; changes that would cut a position before its
 *       minimum holding period are held back; a held book is resized only when its target is at least
 *       {@code resizeBand} of it away (entries, exits and flips always pass); changes below the minimum order size are
 *       skipped;</li>
 *   <li>while a symbol's entries are closed (the macro gate) its books may only shrink toward flat;</li>
 *   <li>hold each symbol's net target within {@code maxSymbolNetExposure} of equity;</li>
 *   <li>order the items most urgent first (shorter timeframe, stronger, shorter holding).</li>
 * </ol>
 * The plan then goes to the risk manager, which has the last word.
 */
public final class PositionCoordinator {
    /**
     * Coordination parameters.
     *
     * @param resizeBand a held book's no-trade band: a target on the same side as the book is traded only when it is at
     *                   least this fraction of the book away from it. Targets follow signal strength, which moves every
     *                   bar; without a band the full preset resized its books on most bars and paid more in fees than
     *                   it earned (a turnover of 144 times its equity in six days). 0 turns the band off.
     */
    public record Config(ConflictPolicy policy, double maxSymbolNetExposure, double minOrderNotional, double minRebalanceFraction,
                         double resizeBand, boolean allowShort) {
        public Config {
            if (policy == null || !(maxSymbolNetExposure > 0) || !(minOrderNotional >= 0) || !(minRebalanceFraction >= 0 && minRebalanceFraction < 1)
                    || !(resizeBand >= 0 && resizeBand < 1)) {
                throw new IllegalArgumentException("invalid coordinator config " + this);
            }
        }

        /**
         * Confidence priority, 50% net per symbol, orders of at least 10 (quote) and 5% of the bucket's capital, held
         * books resized by at least a quarter, spot.
         */
        public static Config defaults() {
            return new Config(ConflictPolicy.CONFIDENCE_PRIORITY, 0.5, 10, 0.05, DEFAULT_RESIZE_BAND, false);
        }

        public Config withPolicy(ConflictPolicy p) {
            return new Config(p, maxSymbolNetExposure, minOrderNotional, minRebalanceFraction, resizeBand, allowShort);
        }

        public Config withShorting(boolean allow) {
            return new Config(policy, maxSymbolNetExposure, minOrderNotional, minRebalanceFraction, resizeBand, allow);
        }

        public Config withNetLimit(double limit) {
            return new Config(policy, limit, minOrderNotional, minRebalanceFraction, resizeBand, allowShort);
        }

        public Config withResizeBand(double band) {
            return new Config(policy, maxSymbolNetExposure, minOrderNotional, minRebalanceFraction, band, allowShort);
        }
    }

    /** A held book's default no-trade band: chosen before measuring, not fitted to the bundled days (docs/coordination.md). */
    public static final double DEFAULT_RESIZE_BAND = 0.25;
    private static final String WITHIN_BAND = "target within the resize band of the book: position kept";

    /** What an item of the plan stands for. */
    public record ItemInfo(String id, Bucket bucket, Symbol symbol, double target, double requested, int timeframeRank,
                           double strength, int holdingBars, List<Signal> signals, List<String> notes) {
    }

    /** The plan and everything that explains it. */
    public record PlanResult(TradePlan plan, Map<String, ItemInfo> items, List<BucketIntent> intents, List<SignalRejected> rejected,
                             List<AlignmentEvent> alignments, List<ConflictEvent> conflicts) {
        /** The idle decision's: no signal and no book held past its maximum, nothing planned or explained. */
        public static final PlanResult IDLE = new PlanResult(TradePlan.EMPTY, Map.of(), List.of(), List.of(), List.of(), List.of());
    }

    private final Config config;
    private final BucketLedger ledger;
    private final CapitalAllocationManager allocations;
    private final UcbWeightLearner learner;
    private PositionSizer sizer; // replaced between two decisions by setSizer (the sizing method chosen in the desk)
    private final SignalAlignment alignment;
    private final ConflictResolver resolver;
    private long metaSkipped;
    private final long[] entriesBlocked = new long[EntryGate.values().length];
    // per-symbol scratch of planSymbol (one decision thread): the books' targets and which of them this decision plans
    private final double[] target = new double[Bucket.COUNT];
    private final boolean[] planned = new boolean[Bucket.COUNT];
    private double[] weights = new double[8]; // combine's per-signal weights, grown to the largest group seen
    private static final BucketIntent[] NO_INTENTS = new BucketIntent[Bucket.COUNT];
    private final SignalGroups groups = new SignalGroups();
    private final List<BucketIntent> symbolIntents = new ArrayList<>(Bucket.COUNT);
    // what plan collects, kept between decisions: a plan result holds copies (none at all when empty, as most are)
    private final List<SignalRejected> rejected = new ArrayList<>();
    private final List<BucketIntent> intents = new ArrayList<>();
    private final List<AlignmentEvent> aligned = new ArrayList<>();
    private final List<ConflictEvent> conflicts = new ArrayList<>();
    private final Map<String, ItemInfo> infos = new LinkedHashMap<>();
    private final List<PlannedOrder> items = new ArrayList<>();

    public PositionCoordinator(Config config, BucketLedger ledger, CapitalAllocationManager allocations, UcbWeightLearner learner,
                               PositionSizer sizer, SignalAlignment alignment) {
        if (config == null || ledger == null || allocations == null || learner == null || sizer == null || alignment == null) {
            throw new IllegalArgumentException("all coordinator parts are required");
        }
        this.config = config;
        this.ledger = ledger;
        this.allocations = allocations;
        this.learner = learner;
        this.sizer = sizer;
        this.alignment = alignment;
        this.resolver = new ConflictResolver(config.policy());
    }

    public Config config() {
        return config;
    }

    /** The sizer that sizes intents from now on (same thread as {@link #plan}). */
    public void setSizer(PositionSizer next) {
        if (next == null) {
            throw new IllegalArgumentException("sizer is required");
        }
        this.sizer = next;
    }

    public PositionSizer sizer() {
        return sizer;
    }

    /**
     * Plans one decision.
     *
     * @param price a usable price per symbol (0/NaN: signals on it are rejected)
     * @param vpin  order-flow toxicity per symbol in [0, 1] (0 when unknown)
     */
    public PlanResult plan(long time, List<Signal> signals, double equity, ToDoubleFunction<Symbol> price, ToDoubleFunction<Symbol> vpin) {
        return plan(time, signals, equity, price, vpin, s -> null);
    }

    /**
     * Plans one decision.
     *
     * @param entriesClosed the gate that closes new entries on a symbol, null while they are open; books may still
     *                      be reduced or closed. Called once per planned symbol.
     */
    public PlanResult plan(long time, List<Signal> signals, double equity, ToDoubleFunction<Symbol> price, ToDoubleFunction<Symbol> vpin,
                           Function<Symbol, EntryGate> entriesClosed) {
        if (signals == null || price == null || vpin == null || entriesClosed == null) {
            throw new IllegalArgumentException("signals, price, vpin and the entry gate are required");
        }
        if (signals.isEmpty() && !ledger.anyHeldPastMax(time)) { // a book held past its maximum: the idle decision's only work
            return PlanResult.IDLE;
        }
        List<SignalRejected> rejected = clear(this.rejected);
        SignalGroups groups = this.groups;
        groups.clear();
        for (Signal s : signals) {
            String problem = s.problem();
            if (problem == null && s.time() > time) {
                problem = "signal time " + s.time() + " is after the decision time " + time + " (lookahead)";
            }
            double p = price.applyAsDouble(s.symbol());
            if (problem == null && (!(p > 0) || Double.isInfinite(p))) {
                problem = "no usable price for " + s.symbol();
            }
            if (problem == null && s.action() != Action.HOLD && s.metaConfidence() != null
                    && s.metaConfidence() < sizer.config().minMetaConfidence()) {
                problem = "meta-label gate: meta confidence " + s.metaConfidence() + " below " + sizer.config().minMetaConfidence() + ": not traded";
                metaSkipped++;
            }
            if (problem != null) {
                rejected.add(new SignalRejected(time, s.sourceId(), s.symbol(), s.bucket(), problem));
                continue;
            }
            if (s.action() != Action.HOLD) {
                groups.add(s);
            }
        }
        List<BucketIntent> intents = clear(this.intents);
        List<AlignmentEvent> aligned = clear(this.aligned);
        List<ConflictEvent> conflicts = clear(this.conflicts);
        Map<String, ItemInfo> infos = this.infos;
        infos.clear();
        List<PlannedOrder> items = clear(this.items);
        Regime regime = allocations.regime();
        // symbols with intents (indexed by bucket ordinal), plus the symbols of held books (one may be past its maximum)
        for (int i = 0, n = ledger.symbolCount(); i < n; i++) {
            groups.addSymbol(ledger.symbolAt(i));
        }
        groups.sort();
        for (int k = 0; k < groups.size(); k++) {
            Symbol s = groups.symbol(k);
            BucketIntent[] m = groups.intents(k);
            boolean any = false;
            for (Bucket b : Bucket.ALL) {
                List<Signal> g = groups.signals(k, b);
                if (!g.isEmpty()) {
                    BucketIntent in = combine(b, s, g, regime);
                    m[b.ordinal()] = in;
                    intents.add(in);
                    any = true;
                }
            }
            planSymbol(time, s, any ? m : NO_INTENTS, equity, price.applyAsDouble(s), vpin, entriesClosed.apply(s), aligned, conflicts, infos, items);
        }
        if (items.size() > 1) {
            items.sort(Comparator.comparing(PlannedOrder::id, (a, b) -> {
                ItemInfo x = infos.get(a);
                ItemInfo y = infos.get(b);
                int c = NetOrder.compareUrgency(x.timeframeRank(), x.strength(), x.holdingBars(), y.timeframeRank(), y.strength(), y.holdingBars());
                return c != 0 ? c : a.compareTo(b);
            }));
        }
        return new PlanResult(TradePlan.of(items), infos.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(infos)),
                List.copyOf(intents), List.copyOf(rejected), List.copyOf(aligned), List.copyOf(conflicts));
    }

    private static <T> List<T> clear(List<T> scratch) {
        scratch.clear();
        return scratch;
    }

    /** The id of the planned order of bucket {@code b} on {@code s} at {@code time} (what feedback finds it by). */
    static String itemId(long time, Bucket b, Symbol s) {
        return "p" + time + "-" + b.book() + "-" + s.code();
    }

    /** Weighted combination of one bucket's signals for one symbol. */
    BucketIntent combine(Bucket b, Symbol s, List<Signal> sigs, Regime regime) {
        if (weights.length < sigs.size()) {
            weights = new double[Math.max(sigs.size(), 2 * weights.length)];
        }
        double[] w = weights;
        double wsum = 0;
        double score = 0;
        boolean anySize = false;
        for (int i = 0; i < sigs.size(); i++) {
            Signal g = sigs.get(i);
            w[i] = learner.weight(regime, g.sourceId());
            wsum += w[i];
            score += w[i] * g.action().sign() * g.strength();
            anySize |= g.size() > 0;
        }
        score /= wsum;
        int dir = anySize ? (int) Math.signum(score) : 0;
        double conf = 0;
        double cw = 0;
        double meta = 0;
        double mw = 0;
        double er = 0;
        double ew = 0;
        int lead = 0;
        double best = -1;
        for (int i = 0; i < sigs.size(); i++) {
            Signal g = sigs.get(i);
            if (dir != 0 && g.action().sign() != dir) {
                continue;
            }
            conf += w[i] * g.confidence();
            cw += w[i];
            if (g.metaConfidence() != null) {
                meta += w[i] * g.metaConfidence();
                mw += w[i];
            }
            if (g.expectedReturn() != null) {
                er += w[i] * g.expectedReturn();
                ew += w[i];
            }
            double k = w[i] * g.confidence() * Math.max(g.strength(), 1e-12);
            if (k > best) {
                best = k;
                lead = i;
            }
        }
        Signal l = sigs.get(lead);
        return new BucketIntent(b, s, dir, dir == 0 ? 0 : Math.min(1, Math.abs(score)), cw > 0 ? Math.min(1, conf / cw) : 0,
                mw > 0 ? Math.min(1, meta / mw) : 1, ew > 0 ? er / ew : null, l.sourceId(), sigs, l.minHoldingBars(),
                l.expectedHoldingBars(), l.maxHoldingBars(), l.timeframe());
    }

    private void planSymbol(long time, Symbol s, BucketIntent[] intents, double equity, double p, ToDoubleFunction<Symbol> vpin,
                            EntryGate entriesClosed, List<AlignmentEvent> aligned, List<ConflictEvent> conflicts, Map<String, ItemInfo> infos, List<PlannedOrder> items) {
        if (intents != NO_INTENTS) {
            List<BucketIntent> list = symbolIntents; // the alignment and the resolver read it and keep nothing
            list.clear();
            for (BucketIntent in : intents) {
                if (in != null) {
                    list.add(in);
                }
            }
            AlignmentEvent a = alignment.align(time, s, list);
            if (a != null) {
                aligned.add(a);
            }
            ConflictEvent c = resolver.resolve(time, s, list);
            if (c != null) {
                conflicts.add(c);
            }
        }
        if (!(p > 0) || Double.isInfinite(p) || !(equity > 0)) {
            return; // no price (only held books reach here without one) or nothing to size with: leave the books as they are
        }
        double v = vpin.applyAsDouble(s);
        v = Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
        double[] target = this.target;
        boolean[] planned = this.planned;
        Arrays.fill(planned, false);
        BucketLedger.Position[] books = ledger.books(s);
        ItemNotes notes = new ItemNotes();
        for (Bucket b : Bucket.ALL) {
            int i = b.ordinal();
            BucketLedger.Position pos = books[i];
            double committed = pos.quantity() + pos.pending();
            target[i] = committed;
            BucketIntent in = intents[i];
            if (in != null && !in.dropped()) {
                target[i] = size(in, b, equity, p, v, notes);
                notes.addAll(i, in.notes());
                planned[i] = true;
            } else if (in != null) {
                notes.addAll(i, in.notes());
            } else if (pos.quantity() != 0 && (time - pos.entryTime()) / Bucket.BAR_MILLIS >= pos.maxHoldingBars()) {
                target[i] = 0;
                planned[i] = true;
                notes.add(i, "maximum holding of " + pos.maxHoldingBars() + " bars reached: exit");
            }
            if (planned[i] && pos.quantity() != 0 && (time - pos.entryTime()) / Bucket.BAR_MILLIS < pos.minHoldingBars()
                    && (Math.abs(target[i]) < Math.abs(pos.quantity()) || Math.signum(target[i]) != Math.signum(pos.quantity()))) {
                target[i] = committed;
                planned[i] = false;
                String why = "minimum holding of " + pos.minHoldingBars() + " bars not reached: position kept";
                notes.add(i, why);
                if (in != null) {
                    in.note(why);
                }
            } else if (planned[i] && withinBand(committed, target[i])) {
                target[i] = committed;
                planned[i] = false;
                in.note(WITHIN_BAND); // only an intent plans a target on the book's side (a maximum holding plans 0)
            }
        }
        if (entriesClosed != null) {
            closeEntries(entriesClosed, books, target, planned, intents, notes);
        }
        limitNet(time, s, target, planned, equity, p, conflicts);
        for (Bucket b : Bucket.ALL) {
            int i = b.ordinal();
            if (!planned[i]) {
                continue;
            }
            BucketLedger.Position pos = books[i];
            double committed = pos.quantity() + pos.pending();
            double delta = target[i] - committed;
            double capital = allocations.allocation(b) * equity;
            boolean exit = target[i] == 0 && committed != 0;
            if (delta == 0 || (!exit && Math.abs(delta) * p < Math.max(config.minOrderNotional(), config.minRebalanceFraction() * capital))) {
                continue;
            }
            BucketIntent in = intents[i];
            if (in != null && (committed == 0 || Math.signum(target[i]) != Math.signum(committed))) {
                ledger.planOpening(b, s, in.leadSource(), in.expectedReturn(), in.minHoldingBars(), in.maxHoldingBars());
            }
            String id = itemId(time, b, s);
            int tf = in != null ? in.timeframe().ordinal() : 0;
            double strength = in != null ? in.strength() : 1;
            int hold = in != null ? in.expectedHoldingBars() : b.expectedHoldingBars();
            List<String> why = notes.get(i);
            infos.put(id, new ItemInfo(id, b, s, target[i], delta, tf, strength, hold, in != null ? in.signals() : List.of(), why));
            items.add(new PlannedOrder(id, b.book(), s, delta, p, why.isEmpty() ? "" : String.join("; ", why)));
        }
    }

    /** A target on the book's side, less than the band away from it: not worth its fees. */
    private boolean withinBand(double committed, double target) {
        return committed != 0 && Math.signum(target) == Math.signum(committed)
                && Math.abs(target - committed) < config.resizeBand() * Math.abs(committed);
    }

    /** Entries are closed by {@code gate}: a planned target may only move a book toward flat (no new or larger position, no flip). */
    private void closeEntries(EntryGate gate, BucketLedger.Position[] books, double[] target, boolean[] planned, BucketIntent[] intents,
                              ItemNotes notes) {
        for (Bucket b : Bucket.ALL) {
            int i = b.ordinal();
            double committed = books[i].quantity() + books[i].pending();
            double t = target[i];
            if (!planned[i] || t == 0 || (Math.signum(t) == Math.signum(committed) && Math.abs(t) <= Math.abs(committed))) {
                continue;
            }
            target[i] = Math.signum(t) == Math.signum(committed) ? committed : 0;
            planned[i] = target[i] != committed;
            entriesBlocked[gate.ordinal()]++;
            notes.add(i, gate.note());
            BucketIntent in = intents[i];
            if (in != null) {
                in.note(gate.note());
            }
        }
    }

    /** Signals the meta-labeling gate stopped so far. */
    public long metaSkipped() {
        return metaSkipped;
    }

    /** Planned entries (new, larger or flipped positions) {@code gate} stopped so far. */
    public long entriesBlocked(EntryGate gate) {
        return entriesBlocked[gate.ordinal()];
    }

    /** The target quantity of a live intent. */
    private double size(BucketIntent in, Bucket b, double equity, double p, double vpin, ItemNotes notes) {
        if (in.direction() == 0) {
            return 0;
        }
        double capital = allocations.allocation(b) * equity;
        BucketPerformanceTracker t = allocations.tracker(b);
        double f = sizer.fraction(in.strength(), in.metaConfidence(), vpin, t.winRate(), t.payoffRatio(), (int) Math.min(Integer.MAX_VALUE, t.trades()));
        double cap = capital * sizer.config().maxFraction();
        double notional = Math.min(cap, capital * f * in.multiplier() * in.scale());
        double q = in.direction() * notional / p;
        if (q < 0 && !config.allowShort()) {
            notes.add(b.ordinal(), "spot account: a sell means exit, not short");
            return 0;
        }
        return q;
    }

    /** Holds the symbol's net target within the limit by scaling the targets planned this decision. */
    private void limitNet(long time, Symbol s, double[] target, boolean[] planned, double equity, double p, List<ConflictEvent> conflicts) {
        double limit = config.maxSymbolNetExposure() * equity / p;
        double others = 0;
        double mine = 0;
        for (int i = 0; i < target.length; i++) {
            if (planned[i]) {
                mine += target[i];
            } else {
                others += target[i];
            }
        }
        if (Math.abs(others + mine) <= limit * (1 + 1e-12) || mine == 0) {
            return;
        }
        double k = netScale(others, mine, limit);
        for (int i = 0; i < target.length; i++) {
            if (planned[i]) {
                target[i] *= k;
            }
        }
        double before = (others + mine) * p / equity;
        double after = (others + k * mine) * p / equity;
        conflicts.add(new ConflictEvent(time, s, null, List.of(), List.of(), 0, 0, 0, k, before, after,
                netNote(before, k), List.of(), List.of()));
    }

    /** "net exposure 61.20% of equity above the coordinator's 50.00% per-symbol limit: new targets x0.8170" (no Formatter: per decision). */
    private String netNote(double before, double k) {
        StringBuilder sb = new StringBuilder(80).append("net exposure ");
        Fmt.fixed(sb, before * 100, 2).append("% of equity above the coordinator's ");
        Fmt.fixed(sb, config.maxSymbolNetExposure() * 100, 2).append("% per-symbol limit: new targets x");
        return Fmt.fixed(sb, k, 4).toString();
    }

    /** Largest k in [0, 1] with |others + k * t| <= limit, or the k that comes closest when none does. */
    static double netScale(double others, double t, double limit) {
        double lo = (-limit - others) / t;
        double hi = (limit - others) / t;
        if (t < 0) {
            double x = lo;
            lo = hi;
            hi = x;
        }
        if (hi < 0 || lo > 1 || lo > hi) {
            return Math.max(0, Math.min(1, -others / t));
        }
        return Math.max(0, Math.min(1, hi));
    }
}
