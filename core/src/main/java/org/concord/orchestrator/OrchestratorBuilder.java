package org.concord.orchestrator;

import org.concord.bus.EventBus;
import org.concord.data.DataProvider;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.training.TrainingCoordinator;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Composes a {@link TradingOrchestrator}: its configuration (the only requirement), the DataProvider it subscribes to,
 * the bus, the file toggles are persisted to, the module catalog and services, attached training coordinators and,
 * for one instrument of a multi-instrument file, the narrowing. Kept apart from the running orchestrator it builds.
 */
public final class OrchestratorBuilder {
    OrchestratorConfig config;
    Symbol instrument;
    Timeframe instrumentTimeframe;
    DataProvider data;
    EventBus bus;
    Path configFile;
    ModuleCatalog catalog = ModuleCatalog.fromClasspath();
    final Map<Class<?>, Object> services = new HashMap<>();
    final Map<TrainingCoordinator, Double> training = new LinkedHashMap<>();
    boolean explain = true;
    GuardClocks clocks = GuardClocks.JVM;

    OrchestratorBuilder(OrchestratorConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.config = config;
    }

    /** The DataProvider to subscribe to (bar closes, and trades/books when the config feeds them). */
    public OrchestratorBuilder data(DataProvider d) {
        this.data = d;
        return this;
    }

    /** Where decisions, state changes and status reports are published and commands are read. */
    public OrchestratorBuilder bus(EventBus b) {
        this.bus = b;
        return this;
    }

    /** The concord.yaml that toggles are persisted to (none: toggles live in memory only). */
    public OrchestratorBuilder configFile(Path p) {
        this.configFile = p;
        return this;
    }

    public OrchestratorBuilder catalog(ModuleCatalog c) {
        if (c == null) {
            throw new IllegalArgumentException("catalog is null");
        }
        this.catalog = c;
        return this;
    }

    /** Adds a module by hand (tests, embedding); it wins over a ServiceLoader module with the same id. */
    public OrchestratorBuilder module(String id, Supplier<OrchestratorModule> factory) {
        catalog.with(id, "", factory);
        return this;
    }

    public <T> OrchestratorBuilder service(Class<T> type, T service) {
        if (type == null || service == null) {
            throw new IllegalArgumentException("type and service are required");
        }
        services.put(type, service);
        return this;
    }

    /** Attaches a training coordinator: its model votes with weight 1 and stores a frame per inference. */
    public OrchestratorBuilder training(TrainingCoordinator coordinator) {
        return training(coordinator, 1.0);
    }

    /** Attaches a training coordinator whose model votes with {@code weight} (0: it infers and stores frames, no vote). */
    public OrchestratorBuilder training(TrainingCoordinator coordinator, double weight) {
        if (coordinator == null) {
            throw new IllegalArgumentException("training coordinator is null");
        }
        training.put(coordinator, weight);
        return this;
    }

    /**
     * Runs this orchestrator for one instrument of the configuration ({@link OrchestratorConfig#forInstrument}):
     * it decides {@code symbol} on {@code decisionTimeframe}; toggles are still written to the file under the
     * file's own symbol list.
     */
    public OrchestratorBuilder instrument(Symbol symbol, Timeframe decisionTimeframe) {
        if (symbol == null || decisionTimeframe == null) {
            throw new IllegalArgumentException("symbol and decision timeframe are required");
        }
        this.instrument = symbol;
        this.instrumentTimeframe = decisionTimeframe;
        return this;
    }

    /**
     * Whether the modules write a rationale into their predictions (default true): a node a person watches does; a
     * backtest, where nothing reads it, does not ({@link ModuleContext#explain}). Decisions are the same either way.
     */
    public OrchestratorBuilder explain(boolean on) {
        this.explain = on;
        return this;
    }

    /** The clocks module calls are timed by; only the guard's own test replaces the JVM's. */
    OrchestratorBuilder clocks(GuardClocks c) {
        this.clocks = c;
        return this;
    }

    OrchestratorBuilder narrowed() {
        config = config.forInstrument(instrument, instrumentTimeframe);
        return this;
    }

    public TradingOrchestrator build() {
        return new TradingOrchestrator(this);
    }
}
