package org.concord.annotate.view;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * The workspace's keyboard shortcuts (see docs/annotation.md). Keys typed into a text field are left to it.
 *
 * <p>The keys are heard on the whole scene while the workspace is shown, not only inside it: a click on the
 * window's feed bar (Pause / Play, speed) leaves the focus on that control, and the shortcuts stopped until the
 * chart was clicked, a click that places a mark in annotate mode. Making the feed controls refuse the focus would
 * have cost keyboard users their Tab traversal and fixed only those controls; a scene handler covers any control
 * around the workspace. It listens in the bubbling phase, so a focused control that uses a key itself (the seek
 * slider's arrows, the annotation list's rows) keeps it, and text fields keep every key. A focused button is the
 * exception: it would spend the arrows on moving the focus to its neighbour, so while a button has the focus the
 * shortcuts are taken before it (it keeps Space and Enter, which are no shortcuts here).
 */
public final class KeyCommands {
    /** What the keys do; the workspace implements it. */
    public interface Actions {
        void step(int candles);

        void page(int views);

        void home();

        void end();

        void zoom(double factor);

        void toggleAnnotate();

        void toggleNoTrade();

        void entryAtCursor();

        void exitAtCursor();

        void cancelMark();

        void undo();

        void redo();

        void deleteSelected();

        void stopLossAtPointer();

        void takeProfitAtPointer();

        void focusJump();
    }

    /** One row of the shortcut table (docs and the help text). */
    public record Shortcut(String keys, String action) {
    }

    public static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("← / →", "move the cursor one candle on the active pane"),
            new Shortcut("Shift + ← / →", "page: scroll one view left / right"),
            new Shortcut("Home / End", "oldest / newest bars"),
            new Shortcut("+ / −", "zoom in / out around the cursor"),
            new Shortcut("Mouse wheel / drag", "zoom around the pointer / pan"),
            new Shortcut("A", "annotate mode on / off"),
            new Shortcut("N", "no-trade (HOLD) region tool on / off"),
            new Shortcut("E", "entry at the candle under the pointer, else the cursor candle (price: the magnet point nearest the pointer, else the close)"),
            new Shortcut("X", "exit at the candle under the pointer, else the cursor candle: saves the annotation"),
            new Shortcut("Click", "in annotate mode: entry, then exit, on the clicked candle"),
            new Shortcut("Esc", "cancel the pending entry"),
            new Shortcut("S / T", "stop-loss / take-profit of the selected annotation at the pointer's price"),
            new Shortcut("Delete", "delete the selected annotation"),
            new Shortcut("Ctrl+Z / Ctrl+Y", "undo / redo (also Ctrl+Shift+Z)"),
            new Shortcut("Drag a marker", "move an entry or exit (snaps to the candle under the pointer)"),
            new Shortcut("J", "jump to a date"));

    private final Actions a;
    private final Node root;
    private final EventHandler<KeyEvent> handler = this::handle;
    private final EventHandler<KeyEvent> beforeButtons = e -> {
        if (e.getTarget() instanceof ButtonBase) {
            handle(e);
        }
    };

    /** Hears the keys on {@code root}'s scene (whichever it is put in) while {@code root} is shown. */
    public KeyCommands(Node root, Actions actions) {
        this.a = actions;
        this.root = root;
        root.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventHandler(KeyEvent.KEY_PRESSED, handler);
                was.removeEventFilter(KeyEvent.KEY_PRESSED, beforeButtons);
            }
            if (now != null) {
                listen(now);
            }
        });
        if (root.getScene() != null) {
            listen(root.getScene());
        }
    }

    private void listen(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, handler);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, beforeButtons);
    }

    private void handle(KeyEvent e) {
        // an editable combo box or date picker holds the focus itself and hands the keys to its text field
        if (e.getTarget() instanceof TextInputControl || e.getTarget() instanceof ComboBoxBase<?> c && c.isEditable() || !shown()) {
            return;
        }
        if (dispatch(e)) {
            e.consume();
        }
    }

    /** The workspace and every node above it are visible (its tab is the selected one). */
    private boolean shown() {
        for (Node n = root; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return root.getScene() != null;
    }

    private boolean dispatch(KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isShortcutDown() || e.isControlDown()) {
            if (k == KeyCode.Z) {
                if (e.isShiftDown()) {
                    a.redo();
                } else {
                    a.undo();
                }
                return true;
            }
            if (k == KeyCode.Y) {
                a.redo();
                return true;
            }
            return false;
        }
        switch (k) {
            case LEFT, KP_LEFT -> {
                if (e.isShiftDown()) {
                    a.page(-1);
                } else {
                    a.step(-1);
                }
            }
            case RIGHT, KP_RIGHT -> {
                if (e.isShiftDown()) {
                    a.page(1);
                } else {
                    a.step(1);
                }
            }
            case HOME -> a.home();
            case END -> a.end();
            case PLUS, ADD, EQUALS -> a.zoom(1 / 1.5);
            case MINUS, SUBTRACT -> a.zoom(1.5);
            case A -> a.toggleAnnotate();
            case N -> a.toggleNoTrade();
            case E -> a.entryAtCursor();
            case X -> a.exitAtCursor();
            case ESCAPE -> a.cancelMark();
            case DELETE, BACK_SPACE -> a.deleteSelected();
            case S -> a.stopLossAtPointer();
            case T -> a.takeProfitAtPointer();
            case J -> a.focusJump();
            default -> {
                return false;
            }
        }
        return true;
    }
}
