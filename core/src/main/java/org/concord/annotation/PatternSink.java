package org.concord.annotation;

import org.concord.model.BarSeries;

/**
 * Where the annotation workspace's "save as pattern" action sends a window of bars: the crash/pattern library
 * of the strategy modules ({@code PatternLibrary.saveWindow(name, window)}, stored under
 * {@code <data-dir>/patterns/}). The shell connects the real library; the workspace disables the action when
 * none is given.
 */
@FunctionalInterface
public interface PatternSink {
    /**
     * Stores {@code window} (closed bars, oldest first, one timeframe) as a named pattern template. Called off the
     * UI thread; may write files.
     *
     * @throws IllegalArgumentException when the name or window is not acceptable (the message is shown)
     */
    void saveWindow(String name, BarSeries window);
}
