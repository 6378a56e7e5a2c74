package org.concord.app.live;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Asks again for the layouts that ChartFX's nested layout lost.
 *
 * <p>ChartFX's chart lays its content out from inside its own {@code layoutChildren} (its {@code HiddenSidesPane}
 * calls {@code layout()} from {@code resizeRelocate}). A layout request raised in that nested pass stops at the
 * ancestor that is mid-layout, and that ancestor then marks itself clean: the branch stays dirty with no path from the
 * scene's root, and JavaFX never lays anything under it out again. On the desk a timeframe switch did it (the title
 * re-centred its text for "BTCUSD 15m"), and from then on the marker's hover label, an unmanaged label under the
 * title pane, drew the previous marker's text, or an empty box, whatever it was told.
 *
 * <p>After each layout pass of the scene, a node of the chart still waiting for a layout is one of those: it and its
 * ancestors ask again, so the next pulse reaches it. A pass that leaves nothing dirty costs one walk of the chart's
 * few dozen nodes.
 */
final class ChartLayoutRelay {
    private final Parent chart;
    private final Runnable afterLayout = this::relay;

    private ChartLayoutRelay(Parent chart) {
        this.chart = chart;
    }

    /** Watches {@code chart} while it is in a scene (FX thread). */
    static void install(Parent chart) {
        ChartLayoutRelay relay = new ChartLayoutRelay(chart);
        chart.sceneProperty().addListener((o, was, now) -> relay.move(was, now));
        relay.move(null, chart.getScene());
    }

    private void move(Scene was, Scene now) {
        if (was != null) {
            was.removePostLayoutPulseListener(afterLayout);
        }
        if (now != null) {
            now.addPostLayoutPulseListener(afterLayout);
        }
    }

    private void relay() {
        relayUnder(chart);
    }

    /** Each topmost node under {@code p} (itself included) that still waits for a layout asks again, with its ancestors. */
    private void relayUnder(Parent p) {
        if (p.isNeedsLayout()) {
            for (Parent a = p; a != null && a != chart.getParent(); a = a.getParent()) {
                a.requestLayout();
            }
            return;
        }
        for (Node child : p.getChildrenUnmodifiable()) {
            if (child instanceof Parent c) {
                relayUnder(c);
            }
        }
    }
}
