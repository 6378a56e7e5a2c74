package org.concord.app.trading;

import javafx.scene.control.Label;
import org.concord.engine.BotMode;
import org.concord.execution.Position;
import org.concord.feed.BundledData;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * Off does not liquidate: the status bar's bot badge says when the bot is off and its account still holds a
 * position. Before, it read "BOT OFF" in grey whatever the bot had left open, with no exit managing it.
 */
class BotBadgeTest {
    private static final Position HELD = new Position(BundledData.BTCUSD, 0.52317, 905.31, 0, 0.47, 880.98);

    @Test
    void offWithAPositionSaysSoAndNamesIt() throws Exception {
        FxToolkit.registerPrimaryStage();
        BotBadge badge = fx(BotBadge::new);
        Label l = badge.node();
        show(badge, BotMode.OFF, List.of(HELD, new Position(BundledData.ETHUSD, 0, 0, 3.2, 0.1, 1600)));
        assertThat(fx(l::getText)).isEqualTo("BOT OFF · 1 open");
        assertThat(fx(l::getStyle)).contains("#b7791f");
        assertThat(fx(() -> l.getTooltip().getText())).contains("BTCUSD 0.52317 @ 905.31 (P&L -12.73)")
                .contains("no exit or stop manages this").doesNotContain("ETHUSD");

        show(badge, BotMode.PAPER, List.of(HELD));
        assertThat(fx(l::getText)).as("managed: the bot trades").isEqualTo("BOT PAPER");
        assertThat(fx(l::getTooltip)).isNull();
        show(badge, BotMode.OFF, List.of());
        assertThat(fx(l::getText)).as("off and flat").isEqualTo("BOT OFF");
        assertThat(fx(l::getStyle)).contains("#5a5f66");
    }

    private static void show(BotBadge badge, BotMode mode, List<Position> botPositions) {
        AccountSnapshot manual = new AccountSnapshot("Manual", "paper", false, List.of(), List.of(), List.of(), List.of(), List.of(),
                10_000, 10_000, 0, 0, 0, 0, 0);
        AccountSnapshot bot = new AccountSnapshot("Bot", "paper", false, List.of(), List.of(), List.of(), botPositions, List.of(),
                5_000, 9_987, 0, 0, 0, 0.47, 0);
        fx(() -> {
            badge.show(new TradingSnapshot(1, TradingMode.PAPER, mode, manual, bot, 0));
            return null;
        });
    }
}
