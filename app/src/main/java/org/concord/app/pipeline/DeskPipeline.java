package org.concord.app.pipeline;

import org.concord.app.portfolio.PortfolioPublisher;
import org.concord.app.trading.TradingDesk;
import org.concord.bus.EventBus;
import org.concord.coordination.CoordinationConfig;
import org.concord.coordination.CoordinationEngine;
import org.concord.coordination.PredictionAdapter;
import org.concord.coordination.Signal;
import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.data.Subscription;
import org.concord.execution.Broker;
import org.concord.execution.PaperBroker;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.binance.BinanceSpotBroker;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's stand-in for the trading pipeline (orchestrator → coordination → risk → PaperBroker) until the
 * backtest branch's pipeline lands; the portfolio panel only reads the bus, so swapping this class is trivial.
 *
 * <p>Single writer: bar closes (from the DataProvider) and decisions (from the orchestrator) are handed to one
 * {@code concord-desk} thread, in order. Its bar listener must be subscribed before the orchestrator starts so
 * that a bar's close reaches the desk before the decision made on it (listeners run in subscription order).
 */
public final class DeskPipeline implements TradingDesk, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskPipeline.class);
    public static final String SOURCE = "orchestrator";
    private final Timeframe tf;
    private final PaperBroker paper;
    private final UnifiedRiskManager risk;
    private final Symbol reference;
    private final EventBus bus;
    private final CoordinationConfig cfg;
    // swapped together on the desk thread by useBroker (paper <-> a venue); volatile for the readers' first look
    private volatile Broker broker;
    private volatile CoordinationEngine engine;
    private PortfolioPublisher portfolio;
    // the engine subscribes to its broker for good: the paper one's engine is kept and reused on "back to paper"
    private CoordinationEngine paperEngine;
    private PortfolioPublisher paperPortfolio;
    private final PredictionAdapter adapter = new PredictionAdapter(SOURCE, 1.0);
    private final ScheduledExecutorService desk = Executors.newSingleThreadScheduledExecutor(r -> {
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
        this.reference = reference;
        this.bus = bus;
        this.risk = new UnifiedRiskManager(RiskLimits.defaults(), tf, new CorrelationAnalyzer(288, 30), bus);
        this.paper = new PaperBroker(PaperBrokerConfig.defaults().withBars(tf), risk.preTradeCheck(), bus);
        CoordinationConfig base = CoordinationConfig.defaults();
        this.cfg = new CoordinationConfig(tf, base.allocationEveryBars(), base.minAllocation(), base.maxAllocation(),
                base.maxAllocationStep(), base.allocationTemperature(), base.allocation(), base.regimeWindow(), base.regimeLongHalfLife(),
                base.regime(), base.learner(), base.coordinator(), base.alignThreshold(), base.alignBoost(), base.alignMinBuckets(),
                base.sizing(), base.scheduler());
        wire(paper);
        desk.scheduleWithFixedDelay(this::pollVenue, 250, 250, TimeUnit.MILLISECONDS);
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

    /** The coordination engine on top of {@code b} (a venue's books start empty: its account is not the paper one). */
    private void wire(Broker b) {
        if (b == paper && paperEngine != null) {
            this.engine = paperEngine;
            this.portfolio = paperPortfolio;
        } else {
            CoordinationEngine e = new CoordinationEngine(cfg, b, risk, reference, bus);
            e.registerAdapter(adapter);
            this.engine = e;
            this.portfolio = new PortfolioPublisher(e, bus);
            if (b == paper) {
                paperEngine = e;
                paperPortfolio = portfolio;
            }
        }
        this.broker = b;
    }

    private void onBar(Symbol s, Timeframe t, long open, double o, double h, double l, double c, double v) {
        try {
            if (broker instanceof BarListener bl) {
                bl.onBarClose(s, t, open, o, h, l, c, v);
            }
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

    @Override
    public Broker broker() {
        return broker;
    }

    @Override
    public Broker paperBroker() {
        return paper;
    }

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw new IllegalArgumentException("task is required");
        }
        desk.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("desk task failed: {}", e.toString(), e);
            }
        });
    }

    @Override
    public PreTradeCheck preTradeCheck() {
        return risk.preTradeCheck();
    }

    @Override
    public void useBroker(Broker next) {
        desk.execute(() -> {
            Broker old = broker;
            Broker target = next == null ? paper : next;
            if (old == target) {
                return;
            }
            wire(target);
            LOG.warn("desk pipeline now trades through {} (was {})", target.getClass().getSimpleName(), old.getClass().getSimpleName());
            if (old instanceof AutoCloseable c && old != paper) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing the previous broker: {}", e.toString());
                }
            }
        });
    }

    /** A venue broker applies what its user-data stream queued only when polled, on this thread. */
    private void pollVenue() {
        if (broker instanceof BinanceSpotBroker spot) {
            try {
                spot.poll();
            } catch (RuntimeException e) {
                LOG.warn("venue poll failed: {}", e.toString());
            }
        }
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
        if (broker instanceof AutoCloseable c && broker != paper) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing the venue broker: {}", e.toString());
            }
        }
        try {
            desk.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
