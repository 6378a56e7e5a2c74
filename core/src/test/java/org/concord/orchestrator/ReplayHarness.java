package org.concord.orchestrator;

import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.TradeTape;
import org.concord.orchestrator.config.OrchestratorConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Test fixture: replays the bundled Bitstamp trades at max speed into a real DataProvider over a real SQLite file
 * and an orchestrator built by the caller; collects the decisions in order. Shared with the modules' tests.
 */
public final class ReplayHarness implements AutoCloseable {
    public final ConcordRuntime engine;
    public final TradingOrchestrator orchestrator;
    public final List<Decision> decisions = Collections.synchronizedList(new ArrayList<>());
    private final TradeTape tape;

    public ReplayHarness(Path dir, OrchestratorConfig config, Consumer<OrchestratorBuilder> customize) {
        this(dir, config, customize, BundledData.bitstampTrades());
    }

    public ReplayHarness(Path dir, OrchestratorConfig config, Consumer<OrchestratorBuilder> customize, TradeTape tape) {
        this.engine = new ConcordRuntime(dir);
        OrchestratorBuilder b = TradingOrchestrator.builder(config).data(engine.data());
        if (customize != null) {
            customize.accept(b);
        }
        this.orchestrator = b.build();
        this.orchestrator.onDecision(decisions::add);
        this.tape = tape;
    }

    /** Starts the orchestrator, plays the whole tape at max speed and waits until every decision was made. */
    public ReplayHarness replay() throws InterruptedException {
        orchestrator.start();
        return play();
    }

    /** Plays the tape (orchestrator already started); returns once it is played and processed. */
    public ReplayHarness play() throws InterruptedException {
        ReplayFeed feed = new ReplayFeed(tape, engine.data(), ReplayFeed.MAX_SPEED, false);
        feed.start();
        if (!feed.awaitFinished(120, TimeUnit.SECONDS)) {
            throw new AssertionError("replay did not finish in 120 s");
        }
        if (!orchestrator.awaitIdle(60, TimeUnit.SECONDS)) {
            throw new AssertionError("orchestrator did not drain in 60 s");
        }
        return this;
    }

    public List<String> log() {
        synchronized (decisions) {
            return decisions.stream().map(Decision::logLine).toList();
        }
    }

    @Override
    public void close() {
        orchestrator.close();
        engine.close();
    }
}
