package org.concord.orchestrator.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.DecisionFusion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The orchestrator's configuration (the {@code orchestrator:} section of {@code concord.yaml}); read and written by
 * {@link ConfigFiles}. Immutable: toggles produce a new value.
 *
 * @param preset            the preset this configuration started from (a label: minimal, full, research, custom)
 * @param symbols           symbols decided on, in order
 * @param decisionTimeframe a decision per bar close of this timeframe per symbol
 * @param synchronous       true: events are processed on the feed's thread (replays at max speed, backtests);
 *                          false: on the orchestrator's own decision thread, fed through a bounded queue
 * @param queueCapacity     events the decision queue holds before the feed waits (back-pressure, never a drop)
 * @param feedTrades        hand trades to the modules (microstructure needs them)
 * @param feedBooks         hand order books to the modules
 * @param modules           in order: this order is the feature order of the state vector
 */
public record OrchestratorConfig(String preset, List<Symbol> symbols, Timeframe decisionTimeframe, boolean synchronous,
                                 int queueCapacity, boolean feedTrades, boolean feedBooks, Fusion fusion,
                                 Performance performance, FaultPolicy faults, List<ModuleEntry> modules) {

    /** Thresholds of the weighted rule and whether measured performance feeds the weights. */
    public record Fusion(double buyThreshold, double sellThreshold, double minConfidence, boolean adaptiveWeights) {
        public static final Fusion DEFAULT = new Fusion(0.2, 0.2, 0.0, false);

        public Fusion {
            new DecisionFusion(buyThreshold, sellThreshold, minConfidence); // validates
        }
    }

    /** How outcomes are scored (see {@code PerformanceTracker}). */
    public record Performance(double halfLife, int minSamples, int decisionHorizonBars) {
        public static final Performance DEFAULT = new Performance(50, 30, 5);

        public Performance {
            if (!(halfLife >= 1) || minSamples < 1 || decisionHorizonBars < 1) {
                throw new IllegalArgumentException("performance: halfLife >= 1, minSamples >= 1, decisionHorizonBars >= 1 required");
            }
        }
    }

    public OrchestratorConfig {
        if (preset == null || preset.isBlank()) {
            preset = "custom";
        }
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is required");
        }
        symbols = List.copyOf(symbols);
        if (decisionTimeframe == null || fusion == null || performance == null || faults == null) {
            throw new IllegalArgumentException("decisionTimeframe, fusion, performance and faults are required");
        }
        if (queueCapacity < 16) {
            throw new IllegalArgumentException("queueCapacity must be >= 16, got " + queueCapacity);
        }
        modules = modules == null ? List.of() : List.copyOf(modules);
        Set<String> ids = new HashSet<>();
        for (ModuleEntry m : modules) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("module '" + m.id() + "' is listed twice");
            }
        }
    }

    /** A configuration with defaults for everything but the symbols and modules. */
    public static OrchestratorConfig of(List<Symbol> symbols, List<ModuleEntry> modules) {
        return new OrchestratorConfig("custom", symbols, Timeframe.M1, false, 65_536, true, true, Fusion.DEFAULT,
                Performance.DEFAULT, FaultPolicy.DEFAULT, modules);
    }

    public Optional<ModuleEntry> module(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** This configuration with module {@code id} switched on or off (appended when it was not listed). */
    public OrchestratorConfig withModuleEnabled(String id, boolean enabled) {
        List<ModuleEntry> list = new ArrayList<>(modules);
        boolean found = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                list.set(i, list.get(i).withEnabled(enabled));
                found = true;
            }
        }
        if (!found) {
            list.add(new ModuleEntry(id, enabled, 1.0, null));
        }
        return withModules(list);
    }

    /**
     * This configuration with module {@code id}'s settings replaced (appended switched off, weight 0, when it was not
     * listed: new settings never start a module nobody switched on).
     */
    public OrchestratorConfig withModuleSettings(String id, JsonNode settings) {
        List<ModuleEntry> list = new ArrayList<>(modules);
        boolean found = false;
        for (int i = 0; i < list.size(); i++) {
            ModuleEntry e = list.get(i);
            if (e.id().equals(id)) {
                list.set(i, new ModuleEntry(id, e.enabled(), e.weight(), settings));
                found = true;
            }
        }
        if (!found) {
            list.add(new ModuleEntry(id, false, 0.0, settings));
        }
        return withModules(list);
    }

    public OrchestratorConfig withModuleWeight(String id, double weight) {
        List<ModuleEntry> list = new ArrayList<>(modules);
        list.replaceAll(m -> m.id().equals(id) ? m.withWeight(weight) : m);
        return withModules(list);
    }

    public OrchestratorConfig withModules(List<ModuleEntry> list) {
        return new OrchestratorConfig(preset, symbols, decisionTimeframe, synchronous, queueCapacity, feedTrades,
                feedBooks, fusion, performance, faults, list);
    }

    public OrchestratorConfig withSynchronous(boolean sync) {
        return new OrchestratorConfig(preset, symbols, decisionTimeframe, sync, queueCapacity, feedTrades,
                feedBooks, fusion, performance, faults, modules);
    }

    public OrchestratorConfig withFaults(FaultPolicy f) {
        return new OrchestratorConfig(preset, symbols, decisionTimeframe, synchronous, queueCapacity, feedTrades,
                feedBooks, fusion, performance, f, modules);
    }

    public OrchestratorConfig withSymbols(List<Symbol> s) {
        return new OrchestratorConfig(preset, s, decisionTimeframe, synchronous, queueCapacity, feedTrades,
                feedBooks, fusion, performance, faults, modules);
    }

    public OrchestratorConfig withDecisionTimeframe(Timeframe tf) {
        return new OrchestratorConfig(preset, symbols, tf, synchronous, queueCapacity, feedTrades,
                feedBooks, fusion, performance, faults, modules);
    }

    /**
     * This configuration narrowed to one instrument (one orchestrator per symbol): {@code symbols: [s]} and the
     * decision timeframe {@code tf}.
     */
    public OrchestratorConfig forInstrument(Symbol s, Timeframe tf) {
        return withSymbols(List.of(s)).withDecisionTimeframe(tf);
    }

    public OrchestratorConfig withFusion(Fusion f) {
        return new OrchestratorConfig(preset, symbols, decisionTimeframe, synchronous, queueCapacity, feedTrades,
                feedBooks, f, performance, faults, modules);
    }
}
