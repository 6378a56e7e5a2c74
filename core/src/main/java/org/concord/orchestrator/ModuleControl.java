package org.concord.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.data.DataProvider;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleState;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Loading, enabling, disabling and re-weighting sources. Requests come from any thread and are applied on the
 * decision thread between two decisions; lazy loads (instantiate + initialize) run on a loader thread and are
 * handed back to the decision thread for the warm-up. Each change is persisted to the configuration file (if any)
 * on a writer thread, in order; the returned future completes once the change is applied and written.
 */
final class ModuleControl {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleControl.class);

    private final DecisionEngine engine;
    private final SourceRegistry registry;
    private final ModuleCatalog catalog;
    private final DataProvider data;
    private final ModuleContext.Services services;
    private final boolean explain;
    private final Path configFile;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(Daemons.named("concord-module-loader"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Daemons.named("concord-config-writer"));
    private final Map<String, List<CompletableFuture<ToggleResult>>> pendingLoads = new HashMap<>();
    private volatile OrchestratorConfig config;
    /** The file's instrument list and decision timeframe (this orchestrator may run a narrowed copy for one symbol). */
    private final OrchestratorConfig filed;
    private Runnable wake = () -> { };

    ModuleControl(OrchestratorConfig config, DecisionEngine engine, SourceRegistry registry, ModuleCatalog catalog,
                  DataProvider data, ModuleContext.Services services, boolean explain, Path configFile, OrchestratorConfig filed) {
        this.config = config;
        this.filed = filed;
        this.engine = engine;
        this.registry = registry;
        this.catalog = catalog;
        this.data = data;
        this.services = services;
        this.explain = explain;
        this.configFile = configFile;
    }


    void wakeWith(Runnable w) {
        this.wake = w;
    }

    OrchestratorConfig config() {
        return config;
    }

    /** Creates the configured modules' slots and loads the enabled ones, on the caller's thread, before any event. */
    void loadAtStart() {
        for (ModuleEntry e : config.modules()) {
            SourceSlot s = newSlot(e.id(), e.weight());
            s.enabledInConfig = e.enabled();
            registry.addModule(s);
            if (s.factory == null) {
                engine.changeState(s, ModuleState.ERROR, "no module '" + e.id() + "' on the classpath (ServiceLoader found none)");
            } else if (e.enabled()) {
                OrchestratorModule m = null;
                String error = null;
                try {
                    m = instantiate(s);
                } catch (Exception | LinkageError ex) {
                    error = "initialize failed: " + ex;
                }
                finishLoad(s, m, error);
            }
        }
    }

    private SourceSlot newSlot(String id, double weight) {
        ModuleCatalog.Entry ce = catalog.find(id).orElse(null);
        return new SourceSlot(id, SourceSlot.Kind.MODULE, ce == null ? null : ce.factory(),
                ce == null ? "" : ce.description(), ModuleState.NOT_LOADED, weight);
    }

    /**
     * On the decision thread: the slot of {@code id}, or a new one (configured weight, else {@code defaultWeight}) added
     * to the registry when the catalog knows the module; null, with {@code f} failed, when it does not.
     */
    private SourceSlot slotOrNew(String id, double defaultWeight, CompletableFuture<?> f) {
        SourceSlot s = registry.slot(id);
        if (s == null) {
            if (catalog.find(id).isEmpty()) {
                f.completeExceptionally(new IllegalArgumentException("unknown module '" + id + "' (not in the configuration nor on the classpath)"));
                return null;
            }
            s = newSlot(id, config.module(id).map(ModuleEntry::weight).orElse(defaultWeight));
            registry.addModule(s);
        }
        return s;
    }

    private OrchestratorModule instantiate(SourceSlot s) throws Exception {
        return instantiate(s, config);
    }

    private OrchestratorModule instantiate(SourceSlot s, OrchestratorConfig config) throws Exception {
        OrchestratorModule m = s.factory.get();
        if (!s.id.equals(m.id())) {
            throw new IllegalStateException("catalog id '" + s.id + "' but the module says '" + m.id() + "'");
        }
        ModuleEntry entry = config.module(s.id).orElse(new ModuleEntry(s.id, true, s.weight, null));
        m.initialize(new ModuleContext(data, entry.settings(), config.symbols(), config.decisionTimeframe(),
                engine::clock, LoggerFactory.getLogger("org.concord.modules." + s.id), services, explain));
        return m;
    }

    /** On the decision thread (or at start): installs a loaded instance, or records why it failed. */
    private void finishLoad(SourceSlot s, OrchestratorModule m, String error) {
        if (error != null) {
            engine.changeState(s, ModuleState.ERROR, error);
        } else {
            try {
                s.attach(m);
                s.hung = false;
                activate(s);
            } catch (RuntimeException ex) {
                engine.changeState(s, ModuleState.ERROR, "rejected at load: " + ex);
            }
        }
        List<CompletableFuture<ToggleResult>> waiting = pendingLoads.remove(s.id);
        if (waiting != null) {
            waiting.forEach(f -> f.complete(result(s)));
        }
    }

    /** Warm-up, then RUNNING (or DISABLED when a disable arrived while loading). */
    private void activate(SourceSlot s) {
        s.resetFaults(engine.faults());
        if (!s.enabledInConfig) {
            engine.changeState(s, ModuleState.DISABLED, "disabled");
            return;
        }
        try {
            s.module.reset();
            engine.warmUp(s);
            engine.changeState(s, ModuleState.RUNNING, "");
        } catch (RuntimeException ex) {
            engine.changeState(s, ModuleState.ERROR, "warm-up failed: " + ex);
        }
    }

    /**
     * A registered model switched on or off from the module panel (decision thread). Off, it is not asked from the next
     * decision on; on, a model in ERROR gets a fresh warm-up and runs again, so a person can bring back a model that
     * struck out without restarting the desk. Not persisted: models are registered by the node, not listed in the
     * configuration. A model that hung stays in ERROR: its call may still be running.
     */
    private ToggleResult switchModel(SourceSlot s, boolean on) {
        if (!on && s.state != ModuleState.DISABLED) {
            engine.changeState(s, ModuleState.DISABLED, "switched off");
        } else if (on && s.state != ModuleState.RUNNING && !s.hung) {
            s.resetFaults(engine.faults());
            engine.changeState(s, ModuleState.RUNNING, "");
        }
        return result(s);
    }

    private ToggleResult result(SourceSlot s) {
        return new ToggleResult(s.id, s.state, s.reason, engine.seq());
    }

    CompletableFuture<ToggleResult> enable(String id) {
        checkId(id);
        CompletableFuture<ToggleResult> f = new CompletableFuture<>();
        engine.post(() -> {
            SourceSlot s = slotOrNew(id, 1.0, f);
            if (s == null) {
                return;
            }
            if (s.kind != SourceSlot.Kind.MODULE) {
                f.complete(switchModel(s, true));
                return;
            }
            s.enabledInConfig = true;
            config = config.withModuleEnabled(id, true);
            CompletableFuture<ToggleResult> applied = new CompletableFuture<>();
            startOrResume(s, applied);
            applied.thenCompose(r -> persist().thenApply(v -> r)).whenComplete((r, ex) -> {
                if (ex != null) {
                    f.completeExceptionally(ex);
                } else {
                    f.complete(r);
                }
            });
        });
        wake.run();
        return f;
    }

    private void startOrResume(SourceSlot s, CompletableFuture<ToggleResult> f) {
        switch (s.state) {
            case RUNNING -> f.complete(result(s));
            case LOADING -> pendingLoads.computeIfAbsent(s.id, k -> new ArrayList<>()).add(f);
            case DISABLED, ERROR, NOT_LOADED -> {
                if (s.factory == null && s.module == null) {
                    f.complete(result(s)); // stays in ERROR: nothing to load
                } else if (s.module != null && !s.hung) {
                    activate(s);
                    f.complete(result(s));
                } else {
                    // lazily loaded on first enable (or a fresh instance after a hang), off the decision thread
                    pendingLoads.computeIfAbsent(s.id, k -> new ArrayList<>()).add(f);
                    engine.changeState(s, ModuleState.LOADING, "loading");
                    loader.execute(() -> {
                        OrchestratorModule m = null;
                        String error = null;
                        try {
                            m = instantiate(s);
                        } catch (Exception | LinkageError ex) {
                            error = "initialize failed: " + ex;
                        }
                        OrchestratorModule loaded = m;
                        String err = error;
                        engine.post(() -> finishLoad(s, loaded, err));
                        wake.run();
                    });
                }
            }
        }
    }

    CompletableFuture<ToggleResult> disable(String id) {
        checkId(id);
        CompletableFuture<ToggleResult> f = new CompletableFuture<>();
        engine.post(() -> {
            SourceSlot s = registry.slot(id);
            if (s == null) {
                f.completeExceptionally(new IllegalArgumentException("unknown module '" + id + "'"));
                return;
            }
            if (s.kind != SourceSlot.Kind.MODULE) {
                f.complete(switchModel(s, false));
                return;
            }
            s.enabledInConfig = false;
            config = config.withModuleEnabled(id, false);
            if (s.state == ModuleState.RUNNING || (s.state == ModuleState.ERROR && s.module != null)) {
                engine.changeState(s, ModuleState.DISABLED, "disabled");
            }
            ToggleResult r = result(s);
            persist().whenComplete((v, ex) -> {
                if (ex != null) {
                    f.completeExceptionally(ex);
                } else {
                    f.complete(r);
                }
            });
        });
        wake.run();
        return f;
    }

    CompletableFuture<ToggleResult> configure(String id, JsonNode settings) {
        checkId(id);
        if (settings == null || !settings.isObject()) {
            throw new IllegalArgumentException("module " + id + ": settings must be a mapping, got " + settings);
        }
        JsonNode given = settings.deepCopy();
        CompletableFuture<ToggleResult> f = new CompletableFuture<>();
        engine.post(() -> {
            SourceSlot s = slotOrNew(id, 0.0, f);
            if (s == null) {
                return;
            }
            if (s.kind != SourceSlot.Kind.MODULE || s.factory == null) {
                f.completeExceptionally(new IllegalArgumentException("'" + id + "' is not a module on the classpath"));
                return;
            }
            if (s.state == ModuleState.LOADING) {
                f.completeExceptionally(new IllegalStateException("module '" + id + "' is loading: try again once it runs"));
                return;
            }
            SourceSlot slot = s;
            OrchestratorConfig next = config.withModuleSettings(id, given);
            if (slot.state != ModuleState.RUNNING) {
                // nothing running to replace: drop the idle instance so the next enable initializes with the new settings
                config = next;
                if (slot.module != null && !slot.hung) {
                    slot.module.close();
                }
                slot.module = null;
                slot.fusion = null;
                registry.layoutDirty = true;
                ToggleResult r = result(slot);
                persist().whenComplete((v, ex) -> complete(f, r, ex));
                return;
            }
            loader.execute(() -> {
                OrchestratorModule m;
                try {
                    m = instantiate(slot, next);
                } catch (Exception | LinkageError ex) {
                    f.completeExceptionally(ex instanceof IllegalArgumentException ? ex
                            : new IllegalArgumentException("module " + id + ": initialize failed: " + ex, ex));
                    return;
                }
                engine.post(() -> {
                    // applied to the configuration of now: a toggle made meanwhile is kept
                    config = config.withModuleSettings(id, given);
                    OrchestratorModule old = slot.module;
                    boolean oldHung = slot.hung;
                    slot.attach(m);
                    slot.hung = false;
                    activate(slot);
                    if (old != null && !oldHung) {
                        old.close();
                    }
                    ToggleResult r = result(slot);
                    persist().whenComplete((v, ex) -> complete(f, r, ex));
                });
                wake.run();
            });
        });
        wake.run();
        return f;
    }

    private static void complete(CompletableFuture<ToggleResult> f, ToggleResult r, Throwable ex) {
        if (ex != null) {
            f.completeExceptionally(ex);
        } else {
            f.complete(r);
        }
    }

    CompletableFuture<Void> setWeight(String id, double weight) {
        checkId(id);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        engine.post(() -> {
            SourceSlot s = registry.slot(id);
            if (s == null) {
                f.completeExceptionally(new IllegalArgumentException("unknown source '" + id + "'"));
                return;
            }
            s.weight = weight;
            if (s.kind == SourceSlot.Kind.MODULE) {
                config = config.module(id).isPresent() ? config.withModuleWeight(id, weight) : config;
                persist().whenComplete((v, ex) -> f.complete(null));
            } else {
                f.complete(null);
            }
        });
        wake.run();
        return f;
    }

    CompletableFuture<String> command(String id, String name, Map<String, String> args) {
        checkId(id);
        CompletableFuture<String> f = new CompletableFuture<>();
        engine.post(() -> {
            SourceSlot s = registry.slot(id);
            if (s == null || s.module == null || s.state != ModuleState.RUNNING) {
                f.completeExceptionally(new IllegalStateException("module '" + id + "' is not running"));
                return;
            }
            try {
                f.complete(s.module.command(name, args == null ? Map.of() : args));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        wake.run();
        return f;
    }

    CompletableFuture<Void> registerModel(Model model, double weight) {
        if (model == null || model.id() == null || model.id().isBlank()) {
            throw new IllegalArgumentException("a model with an id is required");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        engine.post(() -> {
            try {
                SourceSlot s = SourceSlot.model(model, weight);
                s.resetFaults(engine.faults());
                SourceSlot old = registry.putModel(s);
                engine.changeState(s, ModuleState.RUNNING, old == null ? "registered" : "replaced version " + old.version);
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        wake.run();
        return f;
    }

    CompletableFuture<Boolean> unregisterModel(String id) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        engine.post(() -> {
            SourceSlot s = registry.removeModel(id);
            if (s != null) {
                engine.changeState(s, ModuleState.DISABLED, "unregistered");
            }
            f.complete(s != null);
        });
        wake.run();
        return f;
    }

    private CompletableFuture<Void> persist() {
        if (configFile == null) {
            return CompletableFuture.completedFuture(null);
        }
        // the switches as they are now, under the file's own symbols and decision timeframe
        OrchestratorConfig snapshot = config.withSymbols(filed.symbols()).withDecisionTimeframe(filed.decisionTimeframe());
        return CompletableFuture.runAsync(() -> ConfigFiles.save(configFile, snapshot), writer);
    }

    /** Status of every source: configured/loaded modules, catalog modules not configured (NOT_LOADED), models. */
    List<ModuleStatus> statuses() {
        List<ModuleStatus> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SourceSlot s : registry.moduleSlots()) {
            out.add(s.status());
            seen.add(s.id);
        }
        for (ModuleCatalog.Entry e : catalog.entries().values()) {
            if (seen.add(e.id())) {
                out.add(new ModuleStatus(e.id(), "module", "", e.description(), ModuleState.NOT_LOADED, "not configured",
                        false, 1.0, 0, 0, 0, 0, 0, "", List.of()));
            }
        }
        for (SourceSlot s : registry.modelSlots()) {
            out.add(s.status());
        }
        return out;
    }

    /** RUNNING modules (without listing the catalog, which would load every module class). */
    long running() {
        return registry.moduleSlots().stream().filter(s -> s.state == ModuleState.RUNNING).count();
    }

    private static void checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("module id is required");
        }
    }

    void close() {
        loader.shutdownNow();
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SourceSlot s : registry.moduleSlots()) {
            if (s.module != null && !s.hung) {
                try {
                    s.module.close();
                } catch (RuntimeException e) {
                    LOG.warn("module {} close failed: {}", s.id, e.toString());
                }
            }
        }
    }
}
