package org.concord.annotate;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.concord.chart.DisplayFormat;

/**
 * The display format the whole desk writes prices and times with: one instance per window, made by the shell from the
 * user's saved zone and handed to every view; a view that shows prices or times listens to {@link #formatProperty()}
 * (FX thread) and redraws when the user picks another zone; presenters read {@link #current()}.
 */
public final class DisplaySettings {
    private final ObjectProperty<DisplayFormat> format = new SimpleObjectProperty<>(this, "format", DisplayFormat.UTC);
    // the same value for presenter threads that build text off the FX thread
    private volatile DisplayFormat current = DisplayFormat.UTC;

    public DisplaySettings() {
    }

    public DisplaySettings(DisplayFormat initial) {
        setFormat(initial);
    }

    public DisplayFormat format() {
        return format.get();
    }

    public void setFormat(DisplayFormat f) {
        if (f == null) {
            throw new IllegalArgumentException("display format is required");
        }
        current = f;
        format.set(f);
    }

    /** The current format, readable from any thread (presenters formatting off the FX thread). */
    public DisplayFormat current() {
        return current;
    }

    public ObjectProperty<DisplayFormat> formatProperty() {
        return format;
    }
}
