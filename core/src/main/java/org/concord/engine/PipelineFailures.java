package org.concord.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading pipeline's failures: each is logged with its stack, counted, and the first one kept. A live desk keeps
 * running past them; a backtest refuses to report a run that had any. Written on the pipeline's thread only, read
 * anywhere.
 */
final class PipelineFailures {
    private static final Logger LOG = LoggerFactory.getLogger(TradingPipeline.class);

    private volatile long count;
    private volatile RuntimeException first;

    void fail(String what, RuntimeException e) {
        count++; // one writer
        if (first == null) {
            first = e;
        }
        LOG.error("trading pipeline failed on {}: {}", what, e.toString(), e);
    }

    long count() {
        return count;
    }

    /** The first failure, or null. */
    RuntimeException first() {
        return first;
    }
}
