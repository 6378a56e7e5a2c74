package org.concord.backtest;

import org.concord.feed.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cancelling a backtest (issue 8: long work can be cancelled): a cancel asked from the progress callback stops the
 * replay at that progress point with a {@link CancellationException}, the session store is closed and removed while
 * the user's files in the work directory stay, and the next backtest runs to the end as if nothing happened.
 * The full preset (ServiceLoader modules, neural-fusion off) on the bundled real trades.
 */
class BacktesterCancelTest {
    static final BacktestConfig CONFIG = BacktestConfig.defaults().withDescription("cancel test")
            .withModules(List.of(), List.of("neural-fusion"));

    @Test
    void aCancelFromTheProgressCallbackStopsTheRunAndTheNextRunStillWorks(@TempDir Path work) throws Exception {
        Path mine = Files.writeString(work.resolve("my-notes.txt"), "the user's file, not the backtester's");
        List<Long> seen = new ArrayList<>();
        long total = BundledData.bitstampTrades().size();
        Backtester[] bt = new Backtester[1];
        bt[0] = Backtester.builder(CONFIG).workDir(work).progress((run, sent, all) -> {
            seen.add(sent);
            if (sent >= total / 10) {
                bt[0].cancel(); // from the replay thread, as a UI's progress hook would
            }
        }).build();

        assertThatThrownBy(bt[0]::run).isInstanceOf(CancellationException.class)
                .hasMessageContaining("backtest cancelled in combined at")
                .hasMessageContaining("of 100,000 events");
        // it stopped at the progress point where it was asked to: no progress after the cancel
        long last = seen.get(seen.size() - 1);
        assertThat(last).isGreaterThanOrEqualTo(total / 10).isLessThan(total / 10 + total / 100);
        assertThat(seen.stream().filter(s -> s >= total / 10)).hasSize(1);
        // the session directory (its SQLite file) is gone, the user's file is untouched
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.toList()).containsExactly(mine);
        }
        assertThat(Files.readString(mine)).isEqualTo("the user's file, not the backtester's");
        assertThat(bt[0].cancelled()).isTrue();

        // a following backtest runs to the end
        List<Long> again = new ArrayList<>();
        BacktestReport r = Backtester.builder(CONFIG).workDir(work).progress((run, sent, all) -> again.add(sent)).build().run();
        assertThat(r.result().events()).isEqualTo(total);
        assertThat(again.get(again.size() - 1)).isEqualTo(total);
        assertThat(r.result().bars()).isGreaterThan(9_000);
        assertThat(r.result().coordination().trades()).isNotEmpty();
    }

    @Test
    void aCancelConditionStopsAWalkForwardBeforeItsNextWindow(@TempDir Path work) {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> runs = new ArrayList<>();
        BacktestConfig wf = CONFIG.withData("bundled-bars").withPreset("minimal")
                .withWalkForward(new BacktestConfig.WalkForward("2d", "1d", "1d"));
        Backtester bt = Backtester.builder(wf).workDir(work).cancelWhen(stop::get).progress((run, sent, all) -> {
            if (!runs.contains(run)) {
                runs.add(run);
            }
            if (sent == all) {
                stop.set(true); // the first window's replay is done: window 2 must not start
            }
        }).build();
        assertThat(bt.windows()).hasSizeGreaterThan(2);

        assertThatThrownBy(bt::run).isInstanceOf(CancellationException.class).hasMessageContaining("backtest cancelled")
                .hasMessageContaining("window 1/");
        assertThat(runs).containsExactly("window 1/" + bt.windows().size());
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aBacktesterCancelledBeforeItStartsOpensNothing(@TempDir Path work) {
        Backtester bt = Backtester.builder(CONFIG.withData("bundled-bars").withPreset("minimal")).workDir(work).build();
        bt.cancel();
        assertThatThrownBy(bt::run).isInstanceOf(CancellationException.class).hasMessageContaining("before it started");
        assertThat(work).isEmptyDirectory();
        assertThatThrownBy(() -> Backtester.builder(CONFIG).cancelWhen(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
