package org.concord.app.trading;

import org.concord.engine.TradingPipeline;
import org.concord.execution.Broker;
import org.concord.execution.PreTradeCheck;

/**
 * The desk's one seam to the session's trading pipeline: the Broker the orchestrator's orders go through, the
 * pipeline's single writer thread every broker call must run on, and the switch between paper and a venue.
 * Manual orders use exactly this broker, so the person and the orchestrator are judged by the same risk gate.
 *
 * <p>{@link #of} adapts core's {@link TradingPipeline}, which owns the thread, the broker switch and the venue poll.
 */
public interface TradingDesk {
    /** The desk over the session's trading pipeline. */
    static TradingDesk of(TradingPipeline pipeline) {
        if (pipeline == null) {
            throw new IllegalArgumentException("pipeline is required");
        }
        return new TradingDesk() {
            @Override
            public Broker broker() {
                return pipeline.broker();
            }

            @Override
            public void execute(Runnable task) {
                pipeline.execute(task);
            }

            @Override
            public PreTradeCheck preTradeCheck() {
                return pipeline.preTradeCheck();
            }

            @Override
            public void useBroker(Broker next) {
                pipeline.useBroker(next);
            }

            @Override
            public Broker paperBroker() {
                return pipeline.paperBroker();
            }
        };
    }

    /** The broker in use now. Call its methods only inside {@link #execute} (brokers are single-threaded). */
    Broker broker();

    /** Runs {@code task} on the pipeline's writer thread, after what is queued there (bars, decisions). */
    void execute(Runnable task);

    /** The risk gate the pipeline's brokers are built with (a venue broker for "go live" takes the same one). */
    PreTradeCheck preTradeCheck();

    /**
     * Makes {@code next} the pipeline's broker (orchestrator and desk alike), or goes back to the paper broker the
     * pipeline started with when {@code next} is null. Runs on the writer thread; a venue broker replaced is closed.
     */
    void useBroker(Broker next);

    /** The paper broker the pipeline started with (what "back to paper" returns to). */
    Broker paperBroker();
}
