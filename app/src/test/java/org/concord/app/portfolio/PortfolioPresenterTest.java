package org.concord.app.portfolio;

import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Presenters;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.DisplayFormat;
import org.concord.coordination.CoordinationEngine;
import org.concord.execution.ExecutionTopics;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot portfolio tab is the bot's (coordination) account: its event list shows the bot's fills, not the person's
 * own orders from the ticket (a person trying the desk saw "fill BUY 0.1000 BTCUSD @ 902.18 (manual)" listed there).
 */
class PortfolioPresenterTest {
    private final InProcessEventBus bus = new InProcessEventBus();
    private final Presenters presenters = new Presenters();

    @AfterEach
    void close() {
        presenters.close();
        bus.close();
    }

    private static Fill fill(long id, String book) {
        return new Fill(id, id, "c" + id, Symbol.of("BTCUSD"), OrderSide.BUY, 0.1, 902.18, 0.1, Liquidity.TAKER, 1_000L * id, book);
    }

    @Test
    void onlyTheBotsFillsAreListed() throws Exception {
        PortfolioPresenter p = new PortfolioPresenter(bus, presenters, new DisplaySettings(DisplayFormat.UTC));
        bus.publish(ExecutionTopics.FILLS, fill(1, "manual"));
        bus.publish(ExecutionTopics.FILLS, fill(2, CoordinationEngine.BOOK));
        AtomicReference<PortfolioModel> shown = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> {
            PortfolioModel m = p.slot().take();
            if (m != null) {
                shown.set(m);
            }
            return shown.get() != null && !shown.get().events().isEmpty();
        });
        assertThat(shown.get().events()).singleElement().asString().contains("(" + CoordinationEngine.BOOK + ")");
    }
}
