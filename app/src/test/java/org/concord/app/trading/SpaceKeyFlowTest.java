package org.concord.app.trading;

import javafx.application.Application;
import javafx.scene.input.KeyCode;
import org.concord.app.ConcordApp;
import org.concord.app.DeskHarness;
import org.concord.app.feed.FeedController;
import org.concord.feed.FeedState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.trading.TradingFlowsTest.onDesk;
import static org.concord.app.trading.TradingFlowsTest.robot;
import static org.concord.app.trading.TradingFlowsTest.showLiveDesk;
import static org.concord.app.trading.TradingFlowsTest.type;
import static org.concord.app.trading.TradingFlowsTest.window;

/** The Space key on the desk's real window (Monocle headless), with the bundled replay and the session's own broker. */
class SpaceKeyFlowTest {
    private static Path dataDir;
    private static Application app;

    @BeforeAll
    static void launch() throws Exception {
        DeskHarness.Launched desk = DeskHarness.launch("concord-space", "minimal");
        dataDir = desk.dataDir();
        app = desk.app();
    }

    @AfterAll
    static void close() throws Exception {
        DeskHarness.close(app, dataDir);
    }

    /**
     * Space plays and pauses the replay wherever the focus is: on the ticket's focused Send button it pauses, and
     * sends nothing. As an accelerator it came after the focused control, which took it: the button fired (an order
     * sent instead of a pause), and on the feed box it opened the list of feeds. Typed into a field, it is a space.
     */
    @Test
    void onTheTicketsFocusedSendButtonItPausesAndSendsNothing() throws Exception {
        showLiveDesk();
        FeedController feed = ConcordApp.current().session().feed();
        feed.play();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> feed.status().state() != FeedState.PAUSED);
        robot.interact(() -> window().run("ticket:buy"));
        type("#ticket-amount", "0.1");
        int orders = onDesk(b -> b.orders().size());
        robot.interact(() -> robot.lookup("#ticket-submit").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> feed.status().state() == FeedState.PAUSED);
        onDesk(b -> null); // a send would have reached the desk before this task
        assertThat((int) onDesk(b -> b.orders().size())).as("orders after Space on the focused Send button").isEqualTo(orders);
        // typed into the amount field, it is a space, not a toggle
        robot.interact(() -> robot.lookup("#ticket-amount").query().requestFocus());
        robot.type(KeyCode.SPACE);
        DeskHarness.pulses(3);
        assertThat(feed.status().state()).as("the replay after a space typed into a field").isEqualTo(FeedState.PAUSED);
    }
}
