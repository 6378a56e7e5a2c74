package org.concord.orchestrator.module;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * State that the modules of one orchestrator share, made on first ask: a composite strategy and the strategy module
 * beside it keep one indicator state instead of computing the same bars twice. One per orchestrator (never shared
 * between orchestrators: each has its own decision thread), found through {@link ModuleContext#services()}. Only the
 * decision thread touches the values; {@link #get} may also be called from a module's initialize, so the table
 * itself is guarded.
 */
public final class SharedModuleState {
    private final Map<Object, Object> values = new HashMap<>();

    /** The value under {@code key}, made by {@code make} when there is none yet; keys must have value equality. */
    public synchronized <T> T get(Object key, Class<T> type, Supplier<? extends T> make) {
        if (key == null || type == null || make == null) {
            throw new IllegalArgumentException("key, type and make are required");
        }
        Object v = values.get(key);
        if (v == null) {
            v = make.get();
            values.put(key, v);
        }
        return type.cast(v);
    }
}
