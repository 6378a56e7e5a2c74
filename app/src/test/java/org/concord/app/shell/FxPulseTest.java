package org.concord.app.shell;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-over from presenter threads to the FX thread. */
class FxPulseTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void startedOnTheFxThreadItAppliesWhatWasOfferedBeforeItReturns() throws Exception {
        FxPulse pulse = new FxPulse();
        FxPulse.Slot<String> slot = new FxPulse.Slot<>();
        List<String> shown = new ArrayList<>();
        pulse.bind(slot, shown::add);
        slot.offer("history"); // the live chart's history, queried while the window was built
        CompletableFuture<List<String>> atReturn = new CompletableFuture<>();
        Platform.runLater(() -> {
            pulse.start(); // a window's constructor: the first frame must already hold the history
            atReturn.complete(List.copyOf(shown));
        });
        assertThat(atReturn.get(60, TimeUnit.SECONDS)).containsExactly("history");
        pulse.stop();
    }

    @Test
    void offersAfterAStartOffTheFxThreadReachTheViewTheLatestWinning() throws Exception {
        FxPulse pulse = new FxPulse();
        FxPulse.Slot<Integer> slot = new FxPulse.Slot<>();
        List<Integer> shown = new ArrayList<>();
        pulse.bind(slot, shown::add);
        pulse.start(); // off the FX thread: a drain is scheduled
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).isEmpty();
        slot.offer(1);
        slot.offer(2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).last().isEqualTo(2);
        pulse.stop();
    }
}
