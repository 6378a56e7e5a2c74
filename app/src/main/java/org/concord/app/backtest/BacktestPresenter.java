package org.concord.app.backtest;

import org.concord.annotate.DisplaySettings;
import org.concord.app.shell.FxPulse;
import org.concord.backtest.BacktestConfig;
import org.concord.config.TradingSettings;
import org.concord.backtest.BacktestFiles;
import org.concord.backtest.BacktestReport;
import org.concord.backtest.Backtester;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The Backtest tab's model: runs one {@link Backtester} at a time on its own background thread (never the FX thread,
 * never the presenters' thread), turns its progress into snapshots (latest-wins slot, applied on the FX pulse), writes
 * the report and CSVs under {@code <dataDir>/backtests/<name>/} and hands the finished report over as a
 * {@link BacktestOutcome}. Cancel stops the replay at its next progress point (core's {@code Backtester.cancel}).
 */
public final class BacktestPresenter implements AutoCloseable {
    private final DisplaySettings display;
    private static final Logger LOG = LoggerFactory.getLogger(BacktestPresenter.class);
    private final Path dataDir;
    private final Supplier<TradingSettings> deskSettings;
    private final FxPulse.Slot<BacktestSnapshot> slot = new FxPulse.Slot<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(Daemons.named("concord-backtest"));
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile AtomicBoolean cancelAsked = new AtomicBoolean();
    private BacktestSnapshot last = new BacktestSnapshot(BacktestSnapshot.State.IDLE, "", "", 0, 0, "no backtest run yet", null);

    /**
     * @param deskSettings the risk limits and sizing method in force on the desk, read at each start (null from it: not
     *                     known yet, the run uses the defaults and its summary says so)
     */
    public BacktestPresenter(Path dataDir, DisplaySettings display, Supplier<TradingSettings> deskSettings) {
        this.display = display;
        if (dataDir == null || deskSettings == null) {
            throw new IllegalArgumentException("dataDir and the desk's settings are required");
        }
        this.dataDir = dataDir;
        this.deskSettings = deskSettings;
        slot.offer(last);
    }

    public FxPulse.Slot<BacktestSnapshot> slot() {
        return slot;
    }

    /** Where a run's files go: {@code <dataDir>/backtests/<name>/}. */
    public Path outputDir(String name) {
        return dataDir.resolve("backtests").resolve(name);
    }

    public boolean running() {
        return running.get();
    }

    /** The latest state (any thread). */
    public synchronized BacktestSnapshot latest() {
        return last;
    }

    /**
     * Starts a backtest in the background; false (nothing started) while one runs: one backtest at a time.
     * Returns at once; progress, result, failure or cancellation arrive as snapshots.
     */
    public boolean start(BacktestRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request is required");
        }
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        cancelAsked = cancel;
        String name = request.runName(ZonedDateTime.now());
        publish(BacktestSnapshot.State.RUNNING, name, "", 0, 0, "loading " + request.data() + " data…");
        try {
            runner.execute(() -> runInBackground(request, name, cancel));
        } catch (RejectedExecutionException e) {
            running.set(false);
            publish(BacktestSnapshot.State.FAILED, name, "", 0, 0, "the workstation is closing");
        }
        return true;
    }

    /** Asks the running backtest to stop (it ends at its next progress point); nothing happens when none runs. */
    public void cancel() {
        if (running.get()) {
            cancelAsked.set(true);
        }
    }

    private void runInBackground(BacktestRequest request, String name, AtomicBoolean cancel) {
        long t0 = System.nanoTime();
        try {
            BacktestConfig cfg = DeskLimits.apply(request.config(), deskSettings.get());
            // the desk's models vote as they do on the desk (the current version of the symbol's model; none trained here)
            Backtester bt = Backtester.builder(cfg).workDir(dataDir.resolve("backtests").resolve(".work")).models(dataDir.resolve("models"))
                    .cancelWhen(cancel::get)
                    .progress((run, sent, total) -> publish(BacktestSnapshot.State.RUNNING, name, run, sent, total,
                            String.format(Locale.ROOT, "%s — %s: %,d of %,d events", name, run, sent, total)))
                    .build();
            BacktestReport report = bt.run();
            List<Path> files = BacktestFiles.write(outputDir(name), name, report);
            BacktestOutcome outcome = BacktestOutcome.of(name, report, files, display.current());
            double secs = (System.nanoTime() - t0) / 1e9;
            LOG.info("backtest {} done in {} s: {}", name, String.format(Locale.ROOT, "%.1f", secs), outcome.summary());
            finish(BacktestSnapshot.State.DONE, name, String.format(Locale.ROOT, "done in %.1f s — %s", secs, outcome.summary()), outcome);
        } catch (CancellationException e) {
            LOG.info("backtest {}: {}", name, e.getMessage());
            // core's message says it whole ("backtest cancelled in window 2/3 (…)"): "cancelled — backtest cancelled" said it twice
            finish(BacktestSnapshot.State.CANCELLED, name, e.getMessage() == null ? "backtest cancelled" : e.getMessage(), null);
        } catch (RuntimeException | Error e) {
            LOG.warn("backtest {} failed: {}", name, e.toString());
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            finish(BacktestSnapshot.State.FAILED, name, "failed — " + msg, null);
        }
    }

    private void finish(BacktestSnapshot.State state, String name, String message, BacktestOutcome outcome) {
        synchronized (this) {
            BacktestOutcome shown = outcome != null ? outcome : last.outcome();
            last = new BacktestSnapshot(state, name, last.run(), last.sent(), last.total(), message, shown);
            running.set(false); // under the lock: a new start's RUNNING snapshot comes after this one, never before
            slot.offer(last);
        }
    }

    private synchronized void publish(BacktestSnapshot.State state, String name, String run, long sent, long total, String message) {
        last = new BacktestSnapshot(state, name, run, sent, total, message, last.outcome());
        slot.offer(last);
    }

    /** Cancels a running backtest (it closes its stores itself at the next progress point) and stops the thread. */
    @Override
    public void close() {
        cancelAsked.set(true);
        runner.shutdown(); // no interrupt: the run must be free to close its SQLite store cleanly
    }
}
