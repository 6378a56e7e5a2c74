package org.concord.app.session;

import org.concord.app.DeskHarness;
import org.concord.engine.TradingPipeline;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.PaperAccountStore;
import org.concord.execution.PaperBroker;
import org.concord.execution.Position;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A trader's report: the desk forgot the person's paper account on every restart. Here the desk session (replay,
 * orchestrator, pipeline: what the window runs) buys on the person's account and leaves a limit working, is closed
 * (what SIGTERM and Ctrl+Q do) and started again on the same data directory: the position, the cash, the fills and
 * the working limit are there, and the next order id is a new one. Then "Reset paper account": initial cash again.
 */
class PaperAccountRestartTest {
    private static final Symbol BTC = BundledData.BTCUSD;
    private Path dir;

    @AfterEach
    void clean() throws Exception {
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private DesktopSession start() {
        return DesktopSession.start(SessionOptions.defaults(dir).withReplay(3_600, SessionOptions.DEFAULT_SKIP, true), m -> { });
    }

    /** {@code read} of the person's paper account, on the pipeline's thread (the broker is single-threaded). */
    private static <T> T onDesk(TradingPipeline p, Function<PaperBroker, T> read) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        p.execute(() -> answer.complete(read.apply(p.manualPaper())));
        return answer.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(TradingPipeline p, Function<PaperBroker, Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DeskHarness.PATIENCE_SECONDS);
        while (!onDesk(p, condition)) {
            assertThat(System.nanoTime()).as("condition met within %d s", DeskHarness.PATIENCE_SECONDS).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void theDeskRestartedOnTheSameDataDirectoryFindsThePersonsPositionFillsCashAndWorkingOrder() throws Exception {
        dir = DeskHarness.dataDir("paper-restart", "minimal");
        double cash;
        Position held;
        List<Fill> fills;
        Order limit;
        try (DesktopSession s = start()) {
            TradingPipeline p = s.core().orElseThrow().pipeline();
            waitFor(p, b -> b.markPrice(BTC) > 0);
            onDesk(p, b -> b.submit(OrderRequest.market("man-" + b.nextOrderId(), BTC, OrderSide.BUY, 0.5).manual()));
            limit = onDesk(p, b -> b.submit(OrderRequest.limit("man-" + b.nextOrderId(), BTC, OrderSide.BUY, 0.1, b.markPrice(BTC) * 0.5).manual()));
            assertThat(limit.state()).isEqualTo(OrderState.NEW);
            waitFor(p, b -> b.position(BTC).quantity() > 0);
            cash = onDesk(p, PaperBroker::cash);
            held = onDesk(p, b -> b.position(BTC));
            fills = onDesk(p, b -> List.copyOf(b.fills()));
        }

        try (DesktopSession s = start()) {
            TradingPipeline p = s.core().orElseThrow().pipeline();
            double cashNow = onDesk(p, PaperBroker::cash);
            Position now = onDesk(p, b -> b.position(BTC));
            List<Fill> fillsNow = onDesk(p, b -> List.copyOf(b.fills()));
            List<Order> working = onDesk(p, PaperBroker::openOrders);
            long nextId = onDesk(p, PaperBroker::nextOrderId);
            assertThat(cashNow).isCloseTo(cash, within(1e-6));
            assertThat(now.quantity()).isEqualTo(held.quantity());
            assertThat(now.averagePrice()).isCloseTo(held.averagePrice(), within(1e-9));
            assertThat(now.fees()).isCloseTo(held.fees(), within(1e-9));
            assertThat(fillsNow).isEqualTo(fills);
            assertThat(working).extracting(Order::clientOrderId).containsExactly(limit.clientOrderId());
            assertThat(nextId).isGreaterThan(limit.orderId());

            String answer = p.resetManualPaper().get(30, TimeUnit.SECONDS);
            assertThat(answer).contains("reset");
            double cashAfter = onDesk(p, PaperBroker::cash);
            int fillsAfter = onDesk(p, b -> b.fills().size());
            assertThat(cashAfter).isEqualTo(p.config().broker().initialCash());
            assertThat(fillsAfter).isZero();
        }

        try (DesktopSession s = start()) { // the reset is kept too; the old history is archived, not gone
            TradingPipeline p = s.core().orElseThrow().pipeline();
            double qty = onDesk(p, b -> b.position(BTC).quantity());
            double cashNow = onDesk(p, PaperBroker::cash);
            assertThat(qty).isZero();
            assertThat(cashNow).isEqualTo(p.config().broker().initialCash());
            assertThat(new PaperAccountStore(s.engine().database()).archivedEpochs(TradingPipeline.MANUAL_ACCOUNT)).containsExactly(1L);
        }
    }
}
