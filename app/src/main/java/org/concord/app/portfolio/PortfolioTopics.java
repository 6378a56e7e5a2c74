package org.concord.app.portfolio;

import org.concord.bus.Topic;

/** The portfolio panel's own topic; the rest comes from core's coordination, risk and execution topics. */
public final class PortfolioTopics {
    /** One snapshot per coordination bar (a lost one is replaced by the next). */
    public static final Topic<PortfolioSnapshot> SNAPSHOTS = Topic.transientTopic("portfolio.snapshots", PortfolioSnapshot.class);

    private PortfolioTopics() {
    }
}
