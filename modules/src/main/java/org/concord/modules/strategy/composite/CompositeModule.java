package org.concord.modules.strategy.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.modules.strategy.alphatrend.AlphaTrendModule;
import org.concord.modules.strategy.crashpattern.CrashPatternModule;
import org.concord.modules.strategy.ichimoku.IchimokuModule;
import org.concord.modules.strategy.macrogate.MacroGateModule;
import org.concord.modules.strategy.meanreversion.MeanReversionModule;
import org.concord.modules.strategy.qqessl.QqeSslWaeModule;
import org.concord.modules.strategy.supertrend.SupertrendModule;
import org.concord.modules.strategy.trend.TrendModule;
import org.concord.modules.strategy.turtle.TurtleModule;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Composite of the other strategies: a weighted blend and a majority vote, confidence scaled by agreement, and an
 * aggregated rationale (every member's vote, and the reasons of the members on the side taken).
 *
 * <p><b>How it reads the others.</b> The module SPI gives a module no access to its siblings' outputs, so the
 * composite runs its own instances of its members, fed the same bar closes (their settings come from
 * {@code memberSettings}, defaults otherwise). That needs no ordering between modules on the decision thread, reads
 * nothing a sibling has not seen, and keeps working when the siblings themselves are disabled. A member with the
 * same settings as the module beside it shares that module's state (see {@link StrategyModule}), so the bars are
 * computed once. Do not give both full weight in the fusion, or their views count twice.
 *
 * <p><b>Rule.</b> Over the members that are ready (past their warm-up): {@code blend = Σ wᵢ·signᵢ·confᵢ / Σ wᵢ};
 * BUY when {@code blend ≥ threshold} and BUY votes outnumber SELL votes, SELL the mirror, else HOLD;
 * {@code agreement} = share of the ready members voting for the action taken (for HOLD: the larger side's share);
 * {@code confidence = |blend| · agreement}. A {@code macro-gate} member does not vote: when it says BLOCK the
 * composite is HOLD with confidence 0 and says what it would have done.
 *
 * <p>Settings: {@code members} (default all nine: supertrend, alphatrend, ichimoku, qqe-ssl-wae, turtle,
 * mean-reversion, trend, crash-pattern, macro-gate), {@code weights} (per member, default 1), {@code threshold} 0.2,
 * {@code memberSettings} (per member, its settings), {@code horizonBars} 5. Features: {@code ready}, {@code blend},
 * {@code agreement}, {@code buys}, {@code sells}, {@code holds}, {@code allow} (macro gate; 1 without one),
 * {@code signal}. Commands: {@code reload} (passed on to the members that have it).
 */
@ModuleInfo(id = CompositeModule.ID, description = "Composite: weighted blend and majority vote of the strategy modules, gated by the macro gate",
        settings = {"members", "weights", "memberSettings", "threshold", "horizonBars"},
        holding = "PT4H")
public final class CompositeModule implements OrchestratorModule {
    public static final String ID = "composite";
    private static final List<String> NAMES = List.of("ready", "blend", "agreement", "buys", "sells", "holds", "allow", "signal");
    private static final Map<String, Supplier<OrchestratorModule>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(SupertrendModule.ID, SupertrendModule::new);
        KNOWN.put(AlphaTrendModule.ID, AlphaTrendModule::new);
        KNOWN.put(IchimokuModule.ID, IchimokuModule::new);
        KNOWN.put(QqeSslWaeModule.ID, QqeSslWaeModule::new);
        KNOWN.put(TurtleModule.ID, TurtleModule::new);
        KNOWN.put(MeanReversionModule.ID, MeanReversionModule::new);
        KNOWN.put(TrendModule.ID, TrendModule::new);
        KNOWN.put(CrashPatternModule.ID, CrashPatternModule::new);
        KNOWN.put(MacroGateModule.ID, MacroGateModule::new);
    }

    private final List<OrchestratorModule> members = new ArrayList<>();
    private double[] weights = new double[0];
    // per-decision scratch for the tally (single decision thread)
    private double[] voteWeights = new double[0];
    private MacroGateModule gate;
    private double threshold = 0.2;
    private int horizon = 5;
    private Timeframe decisionTf = Timeframe.M1;
    private LongSupplier clock = () -> 0L;
    private boolean explain = true;
    private final Set<Timeframe> timeframes = EnumSet.noneOf(Timeframe.class);
    private final Map<Symbol, double[]> out = new HashMap<>();
    // the last evaluation (per symbol and decision time: features and predictions ask for the same one)
    private final Map<Symbol, Result> results = new HashMap<>();

    /** One evaluation: the members' predictions and what the rule made of them. */
    private static final class Result {
        long time = Long.MIN_VALUE;
        Symbol symbol;
        // per voting member (gate excluded): which member, its action, confidence, readiness
        int n;
        int[] member = new int[0];
        Action[] actions = new Action[0];
        double[] confidences = new double[0];
        boolean[] ready = new boolean[0];
        int nReady;
        int buys;
        int sells;
        int holds;
        double blend;
        double agreement;
        Action action = Action.HOLD;
        double confidence;
        Action blocked;
        String gateReason;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The member ids the composite knows, in their default order. */
    public static List<String> knownMembers() {
        return List.copyOf(KNOWN.keySet());
    }

    @Override
    public void initialize(ModuleContext ctx) throws Exception {
        Settings s = new Settings(ID, ctx.settings());
        clock = ctx.clock();
        explain = ctx.explain();
        decisionTf = ctx.decisionTimeframe();
        List<String> ids = s.texts("members", knownMembers());
        threshold = s.number("threshold", 0.2, 0, 1);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("module " + ID + ": threshold must be in (0, 1], got " + threshold);
        }
        horizon = s.integer("horizonBars", 5, 1);
        Settings w = s.section("weights");
        Settings ms = s.section("memberSettings");
        s.rejectUnknown();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("module " + ID + ": at least one member is required");
        }
        weights = new double[ids.size()];
        voteWeights = new double[ids.size()];
        members.clear();
        timeframes.clear();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Supplier<OrchestratorModule> make = KNOWN.get(id);
            if (make == null) {
                throw new IllegalArgumentException("module " + ID + ": unknown member '" + id + "' (known: " + String.join(", ", KNOWN.keySet()) + ")");
            }
            if (members.stream().anyMatch(m -> m.id().equals(id))) {
                throw new IllegalArgumentException("module " + ID + ": member '" + id + "' is listed twice");
            }
            weights[i] = w.number(id, 1.0, 0, 1e6);
            JsonNode own = ms.node(id);
            OrchestratorModule m = make.get();
            m.initialize(new ModuleContext(ctx.data(), own == null ? JsonNodeFactory.instance.objectNode() : own, ctx.symbols(),
                    ctx.decisionTimeframe(), ctx.clock(), LoggerFactory.getLogger("org.concord.modules." + ID + "." + id), ctx.services(),
                    ctx.explain()));
            members.add(m);
            timeframes.addAll(m.timeframes());
            if (m instanceof MacroGateModule g) {
                gate = g;
            } else if (!(m instanceof StrategyModule)) {
                throw new IllegalStateException("composite member " + id + " is not a strategy module"); // KNOWN lists only those
            }
        }
        w.rejectUnknown();
        ms.rejectUnknown();
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Collections.unmodifiableSet(timeframes);
    }

    @Override
    public int warmupBars() {
        int n = 0;
        for (OrchestratorModule m : members) {
            n = Math.max(n, m.warmupBars());
        }
        return n;
    }

    /** The member instances, in order (for tests and the status panel). */
    public List<OrchestratorModule> members() {
        return List.copyOf(members);
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        for (int i = 0; i < members.size(); i++) {
            OrchestratorModule m = members.get(i);
            if (m.timeframes().contains(tf)) {
                m.onBarClose(symbol, tf, openTime, open, high, low, close, volume);
            }
        }
    }

    private Result evaluate(Symbol symbol) {
        Result r = results.get(symbol);
        if (r == null) {
            r = new Result();
            int k = members.size();
            r.member = new int[k];
            r.actions = new Action[k];
            r.confidences = new double[k];
            r.ready = new boolean[k];
            results.put(symbol, r);
        }
        long now = clock.getAsLong();
        if (r.time == now && now != Long.MIN_VALUE) {
            return r;
        }
        r.time = now;
        r.symbol = symbol;
        r.blocked = null;
        r.gateReason = null;
        int n = 0;
        for (int i = 0; i < members.size(); i++) {
            OrchestratorModule m = members.get(i);
            if (m == gate) {
                continue;
            }
            // read the member's state: its rationale text is only built if the composite's rationale shows it
            StrategyState st = ((StrategyModule) m).state(symbol);
            r.actions[n] = st.action();
            r.confidences[n] = st.confidence();
            r.ready[n] = st.ready();
            r.member[n] = i;
            voteWeights[n] = weights[i];
            n++;
        }
        r.n = n;
        Tally t = tally(r.actions, r.confidences, r.ready, voteWeights, n, threshold);
        r.nReady = t.ready();
        r.buys = t.buys();
        r.sells = t.sells();
        r.holds = t.holds();
        r.blend = t.blend();
        r.agreement = t.agreement();
        r.action = t.action();
        r.confidence = t.confidence();
        if (gate != null && !gate.allows()) {
            r.blocked = t.action();
            r.action = Action.HOLD;
            r.confidence = 0;
        }
        return r;
    }

    /** What the rule makes of the ready members' votes (see the class comment). */
    record Tally(Action action, double blend, double agreement, double confidence, int ready, int buys, int sells, int holds) {
    }

    /** The composite's rule over {@code n} votes; members that are not ready are left out. */
    static Tally tally(Action[] actions, double[] conf, boolean[] ready, double[] w, int n, double threshold) {
        int nReady = 0;
        int buys = 0;
        int sells = 0;
        int holds = 0;
        double sumW = 0;
        double sumVote = 0;
        for (int i = 0; i < n; i++) {
            if (!ready[i]) {
                continue;
            }
            nReady++;
            sumW += w[i];
            sumVote += w[i] * actions[i].sign() * conf[i];
            switch (actions[i]) {
                case BUY -> buys++;
                case SELL -> sells++;
                default -> holds++;
            }
        }
        double blend = sumW > 0 ? Math.max(-1, Math.min(1, sumVote / sumW)) : 0;
        Action a = Action.HOLD;
        if (blend >= threshold && buys > sells) {
            a = Action.BUY;
        } else if (blend <= -threshold && sells > buys) {
            a = Action.SELL;
        }
        int side = a == Action.BUY ? buys : a == Action.SELL ? sells : Math.max(buys, sells);
        double agreement = nReady == 0 ? 0 : (double) side / nReady;
        double confidence = a == Action.HOLD ? 0 : Math.min(1, Math.abs(blend) * agreement);
        return new Tally(a, blend, agreement, confidence, nReady, buys, sells, holds);
    }

    @Override
    public double[] features(Symbol symbol) {
        Result r = evaluate(symbol);
        double[] o = out.computeIfAbsent(symbol, k -> new double[NAMES.size()]);
        o[0] = r.nReady > 0 ? 1 : 0;
        o[1] = r.blend;
        o[2] = r.agreement;
        o[3] = r.buys;
        o[4] = r.sells;
        o[5] = r.holds;
        o[6] = r.blocked == null ? 1 : 0;
        o[7] = r.action.sign();
        return o;
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        Result r = evaluate(symbol);
        return List.of(new Prediction(ID, symbol, clock.getAsLong(), r.action, r.confidence, decisionTf, horizon,
                explain ? rationale(r) : ""));
    }

    /**
     * The aggregated rationale: the rule's outcome, every member's vote, and the reasons of the members on the side
     * taken (or that would have been taken, when the gate blocks). Built once per decision.
     */
    private String rationale(Result r) {
        StringBuilder sb = new StringBuilder(512);
        if (r.blocked != null) {
            sb.append("BLOCKED by macro gate (").append(gate.verdict().reason()).append("); would be ").append(r.blocked).append(". ");
        }
        sb.append(r.action);
        if (r.nReady == 0) {
            sb.append(": no member ready");
        } else {
            int side = r.action == Action.BUY ? r.buys : r.action == Action.SELL ? r.sells : Math.max(r.buys, r.sells);
            sb.append(' ').append(side).append('/').append(r.nReady).append(" agree");
            Fmt.signed(sb.append(", blend "), r.blend, 3).append(" (");
            sb.append(r.buys).append(" buy, ").append(r.sells).append(" sell, ").append(r.holds).append(" hold)");
        }
        Action shown = r.blocked != null ? r.blocked : r.action;
        for (int k = 0; k < r.n; k++) {
            OrchestratorModule m = members.get(r.member[k]);
            sb.append(k == 0 ? ": " : "; ").append(m.id()).append(' ');
            if (!r.ready[k]) {
                sb.append("not ready");
                continue;
            }
            sb.append(r.actions[k]).append(' ');
            Fmt.fixed(sb, r.confidences[k], 2);
            if (shown != Action.HOLD && r.actions[k] == shown) {
                sb.append(" [").append(((StrategyModule) m).state(r.symbol).rationale()).append(']');
            }
        }
        if (gate != null && r.blocked == null) {
            sb.append("; macro gate ").append(gate.verdict().reason());
        }
        return sb.toString();
    }

    @Override
    public String command(String name, Map<String, String> args) {
        List<String> done = new ArrayList<>();
        for (OrchestratorModule m : members) {
            try {
                done.add(m.id() + ": " + m.command(name, args));
            } catch (UnsupportedOperationException e) {
                // this member has no such command
            }
        }
        if (done.isEmpty()) {
            throw new UnsupportedOperationException("no member of " + ID + " has a command '" + name + "'");
        }
        return String.join("; ", done);
    }

    @Override
    public void reset() {
        for (OrchestratorModule m : members) {
            m.reset();
        }
        results.clear();
    }

    @Override
    public void close() {
        for (OrchestratorModule m : members) {
            m.close();
        }
    }
}
