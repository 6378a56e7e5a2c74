package org.concord.app.modules;

import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.model.Symbol;
import org.concord.orchestrator.Contribution;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.ModuleCommand;
import org.concord.orchestrator.ModuleStateChanged;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.ModuleStatusReport;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.orchestrator.PresetCommand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The module panel's model: rows from the orchestrator's status reports and state changes on the bus (plus a
 * 500 ms poll of {@code orch.modules()} as a safety net when the orchestrator is in this process), votes from the
 * decisions; toggles and presets go back as {@link ModuleCommand}s on the bus. Events arrive on bus threads;
 * snapshots are built on the presenter thread at most every 50 ms and handed to the FX pulse.
 */
public final class ModulePanelPresenter implements AutoCloseable {
    private final EventBus bus;
    private final Presenters presenters;
    private final FxPulse.Slot<List<ModuleRow>> slot = new FxPulse.Slot<>();
    private final FxPulse.Slot<String> presetSlot = new FxPulse.Slot<>();
    private final FxPulse.Slot<Symbol> symbolSlot = new FxPulse.Slot<>();
    private final Map<String, ModuleRow> rows = new LinkedHashMap<>();
    private final Map<String, Double> shares = new HashMap<>();
    private final List<Subscription> subs = new ArrayList<>();
    private final MacroImportPresenter macroImport;
    private boolean dirty;
    /** The instrument whose orchestrator the panel shows (reports of the others are ignored). */
    private volatile Symbol symbol;

    /**
     * @param poll the module states of a symbol's orchestrator, read every 500 ms as a safety net (null: the bus only)
     */
    public ModulePanelPresenter(EventBus bus, Presenters presenters, Function<Symbol, List<ModuleStatus>> poll) {
        if (bus == null || presenters == null) {
            throw new IllegalArgumentException("bus and presenters are required");
        }
        this.bus = bus;
        this.presenters = presenters;
        this.macroImport = new MacroImportPresenter(bus, presenters);
        subs.add(bus.subscribe(OrchestratorTopics.MODULE_STATUS, this::onReport));
        subs.add(bus.subscribe(OrchestratorTopics.MODULE_STATES, this::onStateChanged));
        subs.add(bus.subscribe(OrchestratorTopics.DECISIONS, this::onDecision));
        if (poll != null) {
            presenters.every(500, () -> {
                Symbol s = symbol;
                List<ModuleStatus> list = poll.apply(s);
                if (s == symbol) {
                    onStatuses(list);
                }
            });
        }
        presenters.every(50, this::publishIfDirty);
    }

    /** Shows {@code s}'s module states from now on (any thread); null: whatever reports arrive. */
    public void select(Symbol s) {
        synchronized (this) {
            symbol = s;
            rows.clear();
            shares.clear();
            dirty = true;
        }
        if (s != null) {
            symbolSlot.offer(s);
        }
    }

    /** The instrument whose orchestrator the panel shows, for its header (latest wins). */
    public FxPulse.Slot<Symbol> symbolSlot() {
        return symbolSlot;
    }

    private boolean mine(String reported) {
        Symbol s = symbol;
        return s == null || reported.isEmpty() || reported.equals(s.code());
    }

    public FxPulse.Slot<List<ModuleRow>> slot() {
        return slot;
    }

    /** The preset the orchestrator runs, as its status reports say (latest wins). */
    public FxPulse.Slot<String> presetSlot() {
        return presetSlot;
    }

    private void onReport(ModuleStatusReport r) {
        if (!mine(r.symbol())) {
            return;
        }
        if (!r.preset().isEmpty()) {
            presetSlot.offer(r.preset());
        }
        onStatuses(r.sources());
    }

    private synchronized void onStatuses(List<ModuleStatus> list) {
        for (ModuleStatus s : list) {
            rows.put(s.id(), ModuleRow.of(s, shares.getOrDefault(s.id(), Double.NaN)));
        }
        dirty = true;
    }

    private synchronized void onStateChanged(ModuleStateChanged c) {
        if (!mine(c.symbol())) {
            return;
        }
        ModuleRow r = rows.get(c.moduleId());
        if (r != null) {
            rows.put(c.moduleId(), r.withState(c.to(), c.reason()));
            dirty = true;
        }
    }

    private synchronized void onDecision(Decision d) {
        if (!mine(d.symbol().code())) {
            return;
        }
        shares.clear();
        for (Contribution c : d.contributions()) {
            shares.put(c.sourceId(), c.share());
        }
        for (Map.Entry<String, ModuleRow> e : rows.entrySet()) {
            e.setValue(e.getValue().withShare(shares.getOrDefault(e.getKey(), Double.NaN)));
        }
        dirty = true;
    }

    private void publishIfDirty() {
        List<ModuleRow> snap;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            dirty = false;
            snap = List.copyOf(rows.values());
        }
        slot.offer(snap);
    }

    /** Switches a module on or off (sent on the bus from the presenter thread). */
    public void toggle(String moduleId, boolean on) {
        ModuleCommand c = on ? ModuleCommand.enable(moduleId) : ModuleCommand.disable(moduleId);
        presenters.run(() -> bus.publish(OrchestratorTopics.MODULE_COMMANDS, c));
    }

    /**
     * Switches the orchestrator to a whole preset (modules, weights, thresholds, threading, module settings): the
     * session running it rebuilds it on the preset and writes it to concord.yaml; the panel follows its reports.
     */
    public void applyPreset(String name) {
        PresetCommand c = new PresetCommand(name);
        presenters.run(() -> bus.publish(OrchestratorTopics.PRESET_COMMANDS, c));
    }

    /** The macro data dialog's requests to the session that runs the orchestrator. */
    public MacroImportPresenter macroImport() {
        return macroImport;
    }

    @Override
    public void close() {
        macroImport.close();
        subs.forEach(Subscription::close);
    }
}
