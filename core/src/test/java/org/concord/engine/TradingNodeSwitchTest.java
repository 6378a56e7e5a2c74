package org.concord.engine;

import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Timeframe;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A preset switch replaces the node's orchestrators while other threads (the module panel's poll, the pipeline) read them. */
class TradingNodeSwitchTest {
    @TempDir
    Path dir;

    @Test
    void readersAlwaysGetAnOrchestratorWhileThePresetIsSwitched() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"))) {
            DataProvider data = new DataProvider(new BarStore(db));
            OrchestratorConfig full = ConfigFiles.preset("full").withSymbols(List.of(BundledData.BTCUSD));
            OrchestratorConfig minimal = ConfigFiles.preset("minimal").withSymbols(List.of(BundledData.BTCUSD));
            TradingNode node = TradingNode.builder(data, TradingPipelineConfig.defaults(Timeframe.M1, BundledData.BTCUSD, 5)).start(full);
            AtomicBoolean switching = new AtomicBoolean(true);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            AtomicInteger reads = new AtomicInteger();
            Thread reader = new Thread(() -> {
                while (switching.get()) {
                    try {
                        TradingOrchestrator o = node.orchestrator(BundledData.BTCUSD);
                        assertThat(o).isNotNull();
                        assertThat(node.orchestrators()).hasSize(1);
                        reads.incrementAndGet();
                    } catch (Throwable t) {
                        failed.compareAndSet(null, t);
                    }
                }
            }, "panel-poll");
            reader.start();
            try {
                while (reads.get() < 100 && failed.get() == null) {
                    Thread.onSpinWait(); // the reader is reading before the first switch
                }
                for (int i = 0; i < 9; i++) {
                    node.switchTo(i % 2 == 0 ? minimal : full);
                }
                assertThat(node.orchestrator().config().preset()).isEqualTo("minimal");
            } finally {
                switching.set(false);
                reader.join();
                node.close();
            }
            assertThat(failed.get()).as("a read during the switch").isNull();
            assertThat(reads.get()).isPositive();
        }
    }
}
