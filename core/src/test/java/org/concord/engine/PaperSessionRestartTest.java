package org.concord.engine;

import org.concord.coordination.CoordinationEngine;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.PaperBroker;
import org.concord.model.Timeframe;
import org.concord.orchestrator.TradingOrchestrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.concord.engine.BotAccountPipelineTest.BTC;
import static org.concord.engine.BotAccountPipelineTest.desk;
import static org.concord.engine.BotAccountPipelineTest.onPipeline;
import static org.concord.engine.BotAccountPipelineTest.orchestrator;
import static org.concord.engine.BotAccountPipelineTest.play;

/**
 * A seek back in the replay restarts the paper session ({@link TradingPipeline#restartPaperSession}), first: both paper
 * accounts start again at their initial cash, the bot's books with a fresh engine, and the session then trades the
 * earlier data as if it were new: fills carry the data's own (earlier) times, and the engine that was replaced books
 * none of them. Real run: the desk's pipeline over the bundled tape played twice, the second time from its start.
 */
class PaperSessionRestartTest {
    @TempDir
    Path dir;

    @Test
    void aRestartEmptiesBothAccountsAndTheSessionTradesTheEarlierDataAfresh() throws Exception {
        BotModeStore.inDataDir(dir).save(BotMode.PAPER);
        try (ConcordRuntime engine = new ConcordRuntime(dir); TradingPipeline p = desk(dir)) {
            p.subscribe(engine.data());
            try (TradingOrchestrator orch = orchestrator(engine)) {
                p.attach(orch);
                orch.start();
                play(engine, orch, p);
                PaperBroker bot = p.bot().paper();
                PaperBroker person = p.manualPaper();
                double cash = p.config().broker().initialCash();
                long end = onPipeline(p, x -> bot.time());
                int botFills = onPipeline(p, x -> bot.fills().size());
                assertThat(botFills).as("the bot traded the tape").isGreaterThan(20);
                Order working = onPipeline(p, x -> person.submit(OrderRequest.limit("man-1", BTC, OrderSide.BUY, 0.01, 1).manual()));
                assertThat(working.state().isWorking()).isTrue();
                WeakReference<CoordinationEngine> replaced = new WeakReference<>(p.engine()); // weak: see the end
                double replacedBooks = onPipeline(p, x -> replaced.get().ledger().total(BTC));
                int replacedTrades = onPipeline(p, x -> replaced.get().bucketTrades().size());

                long tapeStart = engine.data().bars(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE).time(0);
                String said = p.restartPaperSession(Map.of(BTC, tapeStart)).get(30, TimeUnit.SECONDS);
                // the old timeline's last bar, still on its way when the session restarted: kept from the fresh accounts
                p.onBarClose(BTC, Timeframe.M1, end + 60_000, 900, 901, 899, 900, 1);

                assertThat(said).contains("paper account reset").contains("bot's paper account restarted");
                for (PaperBroker a : List.of(bot, person)) {
                    String left = onPipeline(p, x -> a.cash() + " " + a.orders().size() + " " + a.fills().size() + " " + a.position(BTC).quantity());
                    assertThat(left).as("cash, orders, fills, position").isEqualTo(cash + " 0 0 0.0");
                }
                assertThat(p.engine()).as("a fresh engine trades for the bot").isNotSameAs(replaced.get());
                double freshBooks = onPipeline(p, x -> x.engine().ledger().total(BTC));
                int freshCurve = onPipeline(p, x -> x.engine().equityCurve().size());
                assertThat(freshBooks).isZero();
                assertThat(freshCurve).isZero();
                assertThat(p.botMode()).as("the switch stays where the person left it").isEqualTo(BotMode.PAPER);

                play(engine, orch, p); // the tape again from its start: a seek back to it

                List<Fill> fills = onPipeline(p, x -> List.copyOf(bot.fills()));
                // how much it trades depends on the decision thread's pace (an async orchestrator on a busy machine:
                // 45 to 382 fills a pass seen), so it is asked to trade at all, and at the data's own times
                assertThat(fills).as("the bot trades the earlier data again").isNotEmpty();
                assertThat(fills.get(0).time()).as("at the data's own time, not after the seek's").isLessThan(end - 86_400_000L);
                assertThat(fills).as("no fill stamped after the data").allSatisfy(f -> assertThat(f.time()).isLessThanOrEqualTo(end));
                double books = onPipeline(p, x -> x.engine().ledger().total(BTC));
                double held = onPipeline(p, x -> bot.position(BTC).quantity());
                assertThat(books).as("the fresh engine's books hold what its account holds").isCloseTo(held, offset(1e-9));
                // (collected already: then it booked nothing either)
                String replacedNow = onPipeline(p, x -> Optional.ofNullable(replaced.get())
                        .map(e -> e.ledger().total(BTC) + " " + e.bucketTrades().size()).orElse(replacedBooks + " " + replacedTrades));
                assertThat(replacedNow).as("the replaced engine books nothing more").isEqualTo(replacedBooks + " " + replacedTrades);
                // and nothing holds it any more: the broker let go of it (each restart would otherwise keep one)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (replaced.get() != null && System.nanoTime() < deadline) {
                    System.gc();
                    Thread.onSpinWait();
                }
                assertThat(replaced.get()).as("the replaced engine is unreachable").isNull();
                assertThat(p.failures()).as("no bar or decision failed on the pipeline (first: %s)", p.firstFailure()).isZero();
            }
        }
    }
}
