package org.concord.coordination;

import org.concord.bus.EventBus;
import org.concord.model.Action;
import org.concord.risk.PlannedOrder;
import org.concord.risk.RiskCheckResult;
import org.concord.risk.RiskEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each source hears back from the coordination layer: per signal, the {@link ActionTaken} on it (to the
 * source's {@link ModelAdapter} and the bus), and per closed bucket trade it led, the {@link TradeFeedback}.
 *
 * <p>An action is only put together for a signal someone hears about: with no bus (a backtest) and no adapter for
 * its source (every source speaking for itself), nothing would read it, and building the reasons of every signal
 * was an eighth of the full preset's allocation per bar.
 */
final class SourceFeedback {
    private final EventBus bus;
    private final Map<String, ModelAdapter<?>> adapters = new HashMap<>();

    /** @param bus where the actions taken go (null: only the adapters) */
    SourceFeedback(EventBus bus) {
        this.bus = bus;
    }

    /** Routes feedback for {@code adapter}'s source id to it. */
    void register(ModelAdapter<?> adapter) {
        adapters.put(adapter.sourceId(), adapter);
    }

    /** A bucket trade led by {@code source} closed: its adapter gets the feedback. */
    void onTradeClosed(String source, TradeFeedback fb) {
        ModelAdapter<?> a = adapters.get(source);
        if (a != null) {
            a.onFeedback(fb);
        }
    }

    /** Tells each source what was done with its signal. */
    void onDecision(long time, List<Signal> signals, PositionCoordinator.PlanResult pr, RiskCheckResult rr) {
        if (!anyHeard(signals)) {
            return;
        }
        Map<String, Double> checked = new HashMap<>();
        for (PlannedOrder o : rr.plan().orders()) {
            checked.put(o.id(), o.quantity());
        }
        Map<String, List<String>> riskNotes = new HashMap<>();
        for (RiskEvent e : rr.events()) {
            riskNotes.computeIfAbsent(e.ref(), k -> new ArrayList<>()).add(e.message());
        }
        Map<Signal, String> rejectedWhy = new HashMap<>();
        for (SignalRejected r : pr.rejected()) {
            for (Signal s : signals) {
                if (s.sourceId().equals(r.sourceId()) && s.symbol().equals(r.symbol()) && s.bucket() == r.bucket() && !rejectedWhy.containsKey(s)) {
                    rejectedWhy.put(s, r.reason());
                    break;
                }
            }
        }
        for (Signal s : signals) {
            ModelAdapter<?> a = adapters.get(s.sourceId());
            if (a == null && bus == null) {
                continue;
            }
            ActionTaken taken;
            String why = rejectedWhy.get(s);
            if (why != null) {
                taken = new ActionTaken(s.sourceId(), s.symbol(), time, s.bucket(), s.action(), Action.HOLD, 0, List.of("rejected: " + why));
            } else if (s.action() == Action.HOLD) {
                taken = new ActionTaken(s.sourceId(), s.symbol(), time, s.bucket(), Action.HOLD, Action.HOLD, 0, List.of("no opinion"));
            } else {
                String id = PositionCoordinator.itemId(time, s.bucket(), s.symbol());
                PositionCoordinator.ItemInfo info = pr.items().get(id);
                double requested = info == null ? 0 : info.requested();
                double done = checked.getOrDefault(id, 0.0);
                List<String> reasons = new ArrayList<>();
                BucketIntent in = intentOf(pr.intents(), s);
                if (info != null) {
                    reasons.addAll(info.notes());
                } else if (in != null) {
                    reasons.addAll(in.notes());
                    if (reasons.isEmpty()) {
                        reasons.add("no change needed");
                    }
                }
                reasons.addAll(riskNotes.getOrDefault(id, List.of()));
                Action act = done > 0 ? Action.BUY : done < 0 ? Action.SELL : Action.HOLD;
                taken = new ActionTaken(s.sourceId(), s.symbol(), time, s.bucket(), s.action(), act,
                        requested != 0 ? done / requested : 0, reasons);
            }
            if (a != null) {
                a.onActionTaken(taken);
            }
            if (bus != null) {
                bus.publish(CoordinationTopics.ACTIONS, taken);
            }
        }
    }

    /** The intent of the signal's bucket on its symbol (a handful per decision: a walk, no keys built). */
    private static BucketIntent intentOf(List<BucketIntent> intents, Signal s) {
        for (int i = 0; i < intents.size(); i++) {
            BucketIntent in = intents.get(i);
            if (in.bucket() == s.bucket() && in.symbol().equals(s.symbol())) {
                return in;
            }
        }
        return null;
    }

    private boolean anyHeard(List<Signal> signals) {
        if (bus != null) {
            return !signals.isEmpty();
        }
        for (int i = 0; i < signals.size(); i++) {
            if (adapters.containsKey(signals.get(i).sourceId())) {
                return true;
            }
        }
        return false;
    }
}
