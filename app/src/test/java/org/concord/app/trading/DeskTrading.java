package org.concord.app.trading;

import org.concord.app.shell.Presenters;
import org.concord.engine.BotModeStore;
import org.concord.engine.TradingPipeline;
import org.concord.engine.TradingPipelineConfig;
import org.concord.feed.BundledData;
import org.concord.model.Timeframe;

import java.nio.file.Path;

/**
 * The desk's trading service on a pipeline of its own (the person's and the bot's paper accounts, no feed: a test
 * hands it the bars), for tests of the ticket and the blotter without the whole window.
 */
final class DeskTrading implements AutoCloseable {
    final Presenters presenters = new Presenters();
    final TradingPipeline pipeline;
    final TradingService service;

    DeskTrading(Path dataDir) {
        pipeline = TradingPipeline.live(TradingPipelineConfig.defaults(Timeframe.M1, BundledData.BTCUSD, 5), null,
                BotModeStore.inDataDir(dataDir), null);
        service = new TradingService(pipeline, presenters);
    }

    @Override
    public void close() throws Exception {
        try (presenters; pipeline; service) {
            // closed in reverse order: the service, the pipeline, the presenters' timer
        }
    }
}
