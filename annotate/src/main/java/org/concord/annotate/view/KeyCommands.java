package org.concord.annotate.view;

import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * The workspace's keyboard shortcuts (see docs/annotation.md). Keys typed into a text field are left to it.
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

    public KeyCommands(Node root, Actions actions) {
        this.a = actions;
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::handle);
    }

    private void handle(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        if (dispatch(e)) {
            e.consume();
        }
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
