package org.concord.orchestrator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of sources: modules (in configuration order, then those enabled later) and models, each with its
 * weight and state. Changed only on the decision thread (or before start); readable from any thread.
 */
final class SourceRegistry {
    private final List<SourceSlot> modules = new CopyOnWriteArrayList<>();
    private final List<SourceSlot> models = new CopyOnWriteArrayList<>();
    private final Map<String, SourceSlot> byId = new ConcurrentHashMap<>();
    /** Set when a state changed: the layout is rebuilt before the next event. */
    volatile boolean layoutDirty = true;

    SourceSlot slot(String id) {
        return byId.get(id);
    }

    List<SourceSlot> moduleSlots() {
        return modules;
    }

    List<SourceSlot> modelSlots() {
        return models;
    }

    void addModule(SourceSlot s) {
        if (byId.putIfAbsent(s.id, s) != null) {
            throw new IllegalArgumentException("a source with id '" + s.id + "' already exists");
        }
        modules.add(s);
        layoutDirty = true;
    }

    /** Adds a model, or replaces the model with the same id (a new version swapped in between two decisions). */
    SourceSlot putModel(SourceSlot s) {
        SourceSlot old = byId.get(s.id);
        if (old != null && old.kind != SourceSlot.Kind.MODEL) {
            throw new IllegalArgumentException("'" + s.id + "' is a module id; a model needs its own id");
        }
        if (old != null) {
            models.set(models.indexOf(old), s);
        } else {
            models.add(s);
        }
        byId.put(s.id, s);
        layoutDirty = true;
        return old;
    }

    SourceSlot removeModel(String id) {
        SourceSlot s = byId.get(id);
        if (s == null || s.kind != SourceSlot.Kind.MODEL) {
            return null;
        }
        byId.remove(id);
        models.remove(s);
        layoutDirty = true;
        return s;
    }
}
