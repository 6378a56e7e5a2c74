package org.concord.modules.strategy.crashpattern;

import java.nio.file.Path;

/**
 * One pattern library as the detectors of one orchestrator that read the same directory hold it: the module and the
 * composite's crash-pattern member (the full preset runs both). Loaded once, replaced for all of them by a reload
 * through any of them, so that their shared bar state ({@code StrategyModule}) never sees two libraries. It also
 * carries the close time of the bar being applied, which decides the patterns known yet: the state is applied by
 * whichever instance gets the bar first, and must not read the time another instance saw last.
 *
 * <p>Decision thread only, except {@link #loaded}, which a reload thread replaces (the new library applies from the
 * next bar).
 */
final class SharedLibrary {
    /** What makes two detectors read one library. */
    record Key(Path directory, int minLength, int maxLength) {
    }

    private final PatternLibrary files;
    private volatile PatternLibrary.Loaded loaded;
    private long now = Long.MIN_VALUE;

    SharedLibrary(PatternLibrary files) {
        this.files = files;
        this.loaded = files.load();
    }

    PatternLibrary files() {
        return files;
    }

    PatternLibrary.Loaded loaded() {
        return loaded;
    }

    /** Reads the directory again (on the caller's thread: a reload thread). */
    PatternLibrary.Loaded reload() {
        PatternLibrary.Loaded l = files.load();
        loaded = l;
        return l;
    }

    long now() {
        return now;
    }

    void barClosedAt(long closeTime) {
        now = closeTime;
    }
}
