package org.concord.annotate;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Gives the keyboard to a node each time its workspace becomes shown: when it gets a scene, whenever it or an
 * ancestor turns visible (a tab pane shows a tab's content by making it visible), and when the focus lands on a
 * container around the shown workspace (a click on its tab's header, selected already or not). A person who opens
 * the Annotate tab types A, E, X or End at once; before, the keys went to the tab header and did nothing (arrows
 * even switched tabs). Focus already inside the workspace (the jump field) is left where it is. FX thread only.
 */
final class FocusWhenShown {
    private final Node root;
    private final Node target;
    private final Set<Node> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ChangeListener<Object> onChange = (o, was, now) -> check();

    private FocusWhenShown(Node root, Node target) {
        this.root = root;
        this.target = target;
    }

    /** {@code target} (inside {@code root}) gets the focus whenever {@code root} is shown. */
    static void install(Node root, Node target) {
        FocusWhenShown f = new FocusWhenShown(root, target);
        // the target's own scene: a split pane puts its items into the scene only once its skin exists, after the
        // workspace itself was shown (a tab built on first selection), and a node outside the scene takes no focus
        target.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((fo, from, to) -> {
                    if (to != null && f.around(to)) {
                        f.check();
                    }
                });
            }
            f.watch();
        });
        f.watch();
    }

    /** True when {@code n} contains the workspace (its tab pane, the window's root). */
    private boolean around(Node n) {
        for (Node p = root.getParent(); p != null; p = p.getParent()) {
            if (p == n) {
                return true;
            }
        }
        return false;
    }

    /** Listens to the visibility and parent of the target and each ancestor (again when the ancestry changes). */
    private void watch() {
        for (Node n = target; n != null; n = n.getParent()) {
            if (watched.add(n)) {
                n.visibleProperty().addListener(onChange);
                n.parentProperty().addListener((o, was, p) -> watch());
            }
        }
        check();
    }

    private void check() {
        if (shown()) {
            Platform.runLater(() -> { // after the tab pane's own focus handling for the same click
                if (shown() && !inside(root.getScene().getFocusOwner())) {
                    target.requestFocus();
                }
            });
        }
    }

    private boolean shown() {
        if (target.getScene() == null) {
            return false;
        }
        for (Node n = target; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private boolean inside(Node n) {
        for (; n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }
}
