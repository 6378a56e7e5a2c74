package org.concord.orchestrator.module;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The modules that can be loaded: those registered with {@link ServiceLoader} plus any added by hand (tests, an
 * embedding application). The service scan is lazy (first lookup), and reads ids from {@link ModuleInfo} without
 * instantiating, so a {@code minimal} start loads no module class at all.
 */
public final class ModuleCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCatalog.class);

    /**
     * A loadable module: {@code factory} makes a fresh, uninitialized instance each call; {@code settings} are the keys
     * it declares ({@link ModuleInfo#settings()}), or null for a module added by hand (not checked).
     */
    public record Entry(String id, String description, Supplier<OrchestratorModule> factory, Set<String> settings) {
    }

    private final ClassLoader loader;
    private final Map<String, Entry> manual = new LinkedHashMap<>();
    private volatile Map<String, Entry> scanned;

    private ModuleCatalog(ClassLoader loader) {
        this.loader = loader;
    }

    /** Modules found with ServiceLoader on {@code loader} (null: no scan, only modules added by hand). */
    public static ModuleCatalog serviceLoader(ClassLoader loader) {
        return new ModuleCatalog(loader);
    }

    /** Modules found with ServiceLoader on this class's loader. */
    public static ModuleCatalog fromClasspath() {
        return new ModuleCatalog(ModuleCatalog.class.getClassLoader());
    }

    /** Only modules added with {@link #with}. */
    public static ModuleCatalog empty() {
        return new ModuleCatalog(null);
    }

    /** Adds (or replaces) a module by hand; it wins over a service with the same id. */
    public synchronized ModuleCatalog with(String id, String description, Supplier<OrchestratorModule> factory) {
        if (id == null || factory == null) {
            throw new IllegalArgumentException("id and factory are required");
        }
        manual.put(id, new Entry(id, description == null ? "" : description, factory, null));
        return this;
    }

    public Optional<Entry> find(String id) {
        Entry e;
        synchronized (this) {
            e = manual.get(id);
        }
        return e != null ? Optional.of(e) : Optional.ofNullable(scan().get(id));
    }

    /** All entries, services first in discovery order, then those added by hand. */
    public Map<String, Entry> entries() {
        Map<String, Entry> all = new LinkedHashMap<>(scan());
        synchronized (this) {
            all.putAll(manual);
        }
        return Collections.unmodifiableMap(all);
    }

    private Map<String, Entry> scan() {
        Map<String, Entry> s = scanned;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (scanned != null) {
                return scanned;
            }
            Map<String, Entry> found = new LinkedHashMap<>();
            if (loader != null) {
                ServiceLoader.load(OrchestratorModule.class, loader).stream().forEach(p -> {
                    try {
                        ModuleInfo info = p.type().getAnnotation(ModuleInfo.class);
                        String id;
                        String description;
                        Set<String> settings = info == null ? Set.of() : Set.of(info.settings());
                        if (info != null) {
                            id = info.id();
                            description = info.description();
                        } else {
                            OrchestratorModule probe = p.get();
                            id = probe.id();
                            description = probe.description();
                        }
                        if (found.containsKey(id)) {
                            LOG.warn("two modules with id '{}': {} and {}; keeping the first", id,
                                    found.get(id).description(), p.type().getName());
                            return;
                        }
                        found.put(id, new Entry(id, description, p::get, settings));
                    } catch (ServiceConfigurationError | RuntimeException e) {
                        LOG.error("module provider {} cannot be listed: {}", p.type().getName(), e.toString());
                    }
                });
            }
            scanned = Collections.unmodifiableMap(found);
            return scanned;
        }
    }
}
