package org.concord.app.feed;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.concord.model.Symbol;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a seek back in the replay does to the paper accounts. Their positions cannot be marked at earlier prices, so
 * going back in time restarts the paper session (decided in docs/workstation.md), as a bar-replay trainer does: the
 * person is asked once per seek, and only a yes seeks. A seek forward keeps the accounts and asks nothing.
 */
public final class SeekBack {
    /**
     * The paper session's restart for each symbol's data going back to its time in {@code to} (the whole bundled
     * market goes back: {@link FeedController#seekPoints}), on the trading pipeline's thread; its future says what
     * happened, or why not.
     */
    @FunctionalInterface
    public interface Restart {
        CompletableFuture<String> restartPaperSession(Map<Symbol, Long> to);
    }

    static final ButtonType RESTART = new ButtonType("Seek back and restart", ButtonBar.ButtonData.OK_DONE);

    private final Restart restart;

    /** @param restart the desk's paper session, or null where this desk holds no accounts (remote): no question */
    public SeekBack(Restart restart) {
        this.restart = restart;
    }

    /** Whether a seek to {@code target} (epoch ms) from {@code now} goes back in time and so needs the question. */
    boolean needsRestart(long now, long target) {
        return restart != null && now != Long.MIN_VALUE && target < now;
    }

    /** Asks the person (FX thread, modal); true: restart and seek. */
    boolean confirm(Window owner) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Positions cannot be marked at earlier prices, so both paper "
                + "accounts start again at their initial cash: yours (its history archived in the data directory, not "
                + "deleted) and the bot's (its books emptied). A seek forward keeps them.", RESTART, ButtonType.CANCEL);
        a.setTitle("Seek back");
        a.setHeaderText("Seek back and restart the paper session?");
        a.getDialogPane().setId("seek-back-confirm");
        a.initOwner(owner);
        return a.showAndWait().filter(b -> b == RESTART).isPresent();
    }

    /** Restarts the session (presenter thread); false, and nothing seeks, when it was refused. */
    boolean restart(Map<Symbol, Long> to) {
        try {
            restart.restartPaperSession(to).join();
            return true;
        } catch (RuntimeException refused) {
            return false; // the desk's result line says why (the trading service reports it)
        }
    }
}
