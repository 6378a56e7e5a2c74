package org.concord.app.pipeline;

import org.concord.app.portfolio.PortfolioPublisher;
import org.concord.bus.EventBus;
import org.concord.coordination.CoordinationConfig;
import org.concord.coordination.CoordinationEngine;
import org.concord.coordination.PredictionAdapter;
import org.concord.coordination.Signal;
import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.data.Subscription;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.risk.CorrelationAnalyzer;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's stand-in for the trading pipeline (orchestrator → coordination → risk → PaperBroker) until the
 * backtest branch's pipeline lands; the portfolio panel only reads the bus, so swapping this class is trivial.
 *
 * <p>Single writer: bar closes (from the DataProvider) and decisions (from the orchestrator) are handed to one
 * {@code concord-desk} thread, in order. Its bar listener must be subscribed before the orchestrator starts so
 * that a bar's close reaches the desk before the decision made on it (listeners run in subscription order).
 */
public final class DeskPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskPipeline.class);
    public static final String SOURCE = "orchestrator";
    private final Timeframe tf;
    private final PaperBroker broker;
    private final CoordinationEngine engine;
    private final PredictionAdapter adapter = new PredictionAdapter(SOURCE, 1.0);
    private final PortfolioPublisher portfolio;
    private final ExecutorService desk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "concord-desk");
        t.setDaemon(true);
        return t;
    });
    private final Subscription bars;
    private Subscription decisions;
    private final int horizonBars;

    /** Subscribes to {@code data}'s bar closes now: construct it before {@code orch.start()}. */
    public DeskPipeline(DataProvider data, EventBus bus, Symbol reference, Timeframe decisionTimeframe, int horizonBars) {
        if (data == null || bus == null || reference == null || decisionTimeframe == null || horizonBars < 1) {
            throw new IllegalArgumentException("data, bus, reference symbol and decision timeframe are required; horizon >= 1");
        }
        this.tf = decisionTimeframe;
        this.horizonBars = horizonBars;
        UnifiedRiskManager risk = new UnifiedRiskManager(RiskLimits.defaults(), tf, new CorrelationAnalyzer(288, 30), bus);
        this.broker = new PaperBroker(PaperBrokerConfig.defaults().withBars(tf), risk.preTradeCheck(), bus);
        CoordinationConfig base = CoordinationConfig.defaults();
        CoordinationConfig cfg = new CoordinationConfig(tf, base.allocationEveryBars(), base.minAllocation(), base.maxAllocation(),
                base.maxAllocationStep(), base.allocationTemperature(), base.allocation(), base.regimeWindow(), base.regimeLongHalfLife(),
                base.regime(), base.learner(), base.coordinator(), base.alignThreshold(), base.alignBoost(), base.alignMinBuckets(),
                base.sizing(), base.scheduler());
        this.engine = new CoordinationEngine(cfg, broker, risk, reference, bus);
        engine.registerAdapter(adapter);
        this.portfolio = new PortfolioPublisher(engine, bus);
        this.bars = data.subscribeBarCloses(new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe t, long open, double o, double h, double l, double c, double v) {
                if (t == tf) {
                    desk.execute(() -> onBar(s, t, open, o, h, l, c, v));
                }
            }
        });
    }

    /** Routes the orchestrator's decisions into coordination. */
    public DeskPipeline attach(TradingOrchestrator orch) {
        decisions = orch.onDecision(d -> desk.execute(() -> decide(d)));
        return this;
    }

    private void onBar(Symbol s, Timeframe t, long open, double o, double h, double l, double c, double v) {
        try {
            broker.onBarClose(s, t, open, o, h, l, c, v);
            engine.onBarClose(s, t, open, o, h, l, c, v);
            portfolio.onBar(t.closeTime(open));
        } catch (RuntimeException e) {
            LOG.error("desk pipeline failed on the {} bar at {}: {}", s, open, e.toString(), e);
        }
    }

    private void decide(Decision d) {
        try {
            Prediction p = new Prediction(SOURCE, d.symbol(), d.time(), d.action(), Math.min(1, Math.max(0, d.confidence())), d.timeframe(),
                    horizonBars, d.fusion());
            List<Signal> signals = d.action() == Action.HOLD ? List.of() : List.of(adapter.adapt(p, d.time()));
            engine.decide(d.time(), signals);
        } catch (RuntimeException e) {
            LOG.error("desk pipeline failed on decision #{}: {}", d.seq(), e.toString(), e);
        }
    }

    public PaperBroker broker() {
        return broker;
    }

    public CoordinationEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        bars.close();
        if (decisions != null) {
            decisions.close();
        }
        desk.shutdown();
        try {
            desk.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
