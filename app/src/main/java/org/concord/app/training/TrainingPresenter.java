package org.concord.app.training;

import org.concord.annotate.DisplaySettings;
import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.model.Symbol;
import org.concord.training.TrainingCommand;
import org.concord.training.TrainingEvent;
import org.concord.training.TrainingTopics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The training panel's model: job progress, loss curve, history and swaps from the training topics; model
 * versions from a poll of the version store when the coordinator is in this process (else from swap events).
 * "Train now" and "cancel" go out as {@link TrainingCommand}s on the bus.
 */
public final class TrainingPresenter implements AutoCloseable {
    private final DisplaySettings display;
    private static final int MAX_LOSS = 5_000;
    private final EventBus bus;
    private final Presenters presenters;
    private final FxPulse.Slot<TrainingSnapshot> slot = new FxPulse.Slot<>();
    private final List<Subscription> subs = new ArrayList<>();
    private final Deque<String> history = new ArrayDeque<>();
    private final Deque<String> swaps = new ArrayDeque<>();
    private final List<TrainingSnapshot.ModelRow> fromEvents = new ArrayList<>();
    private double[] loss = new double[64];
    private int lossCount;
    private TrainingSnapshot.Job job;
    private List<TrainingSnapshot.ModelRow> models = List.of();
    private boolean dirty = true;
    private final List<Symbol> symbols;
    private final Function<Symbol, String> modelIds;
    /** The instrument whose model the panel shows and trains (the chooser). */
    private volatile Symbol symbol;
    private String dataNote = "";

    /** A panel for one model (the session's first instrument's): versions from {@code versions}. */
    public TrainingPresenter(EventBus bus, Presenters presenters, Supplier<List<TrainingSnapshot.ModelRow>> versions, DisplaySettings display) {
        this(bus, presenters, List.of(Symbol.of("BTCUSD")), s -> null, versions == null ? null : s -> versions.get(), null, display);
    }

    /**
     * A panel for the models of {@code symbols}: the chosen symbol's model id ({@code modelIds}; null: every event),
     * versions ({@code versions}, null: from swap events), why it cannot train on the stored history
     * ({@code shortfalls}, core's {@code TrainingCoordinator.dataShortfall}; null: not known here) and its commands.
     */
    public TrainingPresenter(EventBus bus, Presenters presenters, List<Symbol> symbols, Function<Symbol, String> modelIds,
                             Function<Symbol, List<TrainingSnapshot.ModelRow>> versions, Function<Symbol, String> shortfalls,
                             DisplaySettings display) {
        this.display = display;
        if (symbols == null || symbols.isEmpty() || modelIds == null) {
            throw new IllegalArgumentException("symbols and model ids are required");
        }
        this.symbols = List.copyOf(symbols);
        this.modelIds = modelIds;
        this.symbol = this.symbols.get(0);
        if (bus == null || presenters == null) {
            throw new IllegalArgumentException("bus and presenters are required");
        }
        this.bus = bus;
        this.presenters = presenters;
        subs.add(bus.subscribe(TrainingTopics.EVENTS, this::onEvent));
        subs.add(bus.subscribe(TrainingTopics.PROGRESS, this::onEvent));
        if (versions != null) {
            presenters.every(2_000, () -> {
                Symbol s = symbol;
                List<TrainingSnapshot.ModelRow> v = versions.apply(s);
                synchronized (this) {
                    if (s == symbol && !v.equals(models)) {
                        models = v;
                        dirty = true;
                    }
                }
            });
        }
        if (shortfalls != null) {
            presenters.every(2_000, () -> {
                Symbol s = symbol;
                String note = shortfalls.apply(s);
                synchronized (this) {
                    if (s == symbol && !note.equals(dataNote)) {
                        dataNote = note;
                        dirty = true;
                    }
                }
            });
        }
        presenters.every(50, this::publishIfDirty);
    }

    public FxPulse.Slot<TrainingSnapshot> slot() {
        return slot;
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    public Symbol symbol() {
        return symbol;
    }

    /** Shows and trains {@code s}'s model from now on (the panel starts empty and fills from its events and versions). */
    public synchronized void select(Symbol s) {
        if (!symbols.contains(s) || s.equals(symbol)) {
            return;
        }
        symbol = s;
        history.clear();
        swaps.clear();
        fromEvents.clear();
        models = List.of();
        lossCount = 0;
        job = null;
        dataNote = "";
        dirty = true;
    }

    public void trainNow() {
        String s = symbol.code();
        presenters.run(() -> bus.publish(TrainingCommand.TOPIC, TrainingCommand.train(s, "train now (desktop, " + s + ")")));
    }

    public void cancel() {
        String s = symbol.code();
        presenters.run(() -> bus.publish(TrainingCommand.TOPIC, TrainingCommand.cancel(s, null)));
    }

    private synchronized void onEvent(TrainingEvent e) {
        String id = modelIds.apply(symbol);
        if (id != null && e.modelId() != null && !id.equals(e.modelId())) {
            return; // another instrument's model
        }
        switch (e.type()) {
            case JOB_STARTED -> {
                job = new TrainingSnapshot.Job(e.jobId(), e.modelId(), 0, 0, 0, 0, Double.NaN, "started: " + nz(e.message()));
                lossCount = 0;
            }
            case EPOCH -> {
                job = new TrainingSnapshot.Job(e.jobId(), e.modelId(), nz(e.step()), nz(e.steps()), nz(e.fold()), nz(e.folds()),
                        e.loss() == null ? Double.NaN : e.loss(), "fold " + nz(e.fold()) + "/" + nz(e.folds()) + ", epoch "
                        + nz(e.epoch()) + "/" + nz(e.epochs()));
                if (e.loss() != null && lossCount < MAX_LOSS) {
                    if (lossCount == loss.length) {
                        loss = Arrays.copyOf(loss, loss.length * 2);
                    }
                    loss[lossCount++] = e.loss();
                }
            }
            case FOLD -> add(history, time(e) + " " + e.jobId() + " fold " + nz(e.fold()) + "/" + nz(e.folds()) + " " + metrics(e.metrics())
                    + (baselines(e.metrics()).isEmpty() ? "" : " | " + baselines(e.metrics())));
            case JOB_FINISHED, JOB_FAILED, JOB_CANCELLED -> {
                add(history, time(e) + " " + e.jobId() + " " + e.type().name().substring(4).toLowerCase(Locale.ROOT)
                        + (e.version() == null ? "" : " " + e.version()) + " " + metrics(e.metrics()) + " " + nz(e.message()));
                job = null;
            }
            case MODEL_SWAPPED, MODEL_REJECTED -> {
                add(swaps, time(e) + " " + e.modelId() + " " + nz(e.version()) + " " + (e.type().name().endsWith("SWAPPED") ? "swapped in" : "rejected")
                        + " " + metrics(e.metrics()) + " " + nz(e.message()));
                fromEvents.add(0, new TrainingSnapshot.ModelRow(nz(e.modelId()), nz(e.version()), e.type().name().substring(6),
                        metrics(e.metrics()), "", e.time(), baselines(e.metrics()), "", null));
            }
            case RETRAIN_TRIGGERED -> add(history, time(e) + " retrain triggered: " + nz(e.message()));
            default -> {
                return; // frame events: counted by the coordinator, not listed here
            }
        }
        dirty = true;
    }

    private void publishIfDirty() {
        TrainingSnapshot s;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            dirty = false;
            s = new TrainingSnapshot(models.isEmpty() ? List.copyOf(fromEvents) : models, job, Arrays.copyOf(loss, lossCount),
                    List.copyOf(history), List.copyOf(swaps), dataNote);
        }
        slot.offer(s);
    }

    private static void add(Deque<String> list, String line) {
        list.addFirst(line.trim());
        while (list.size() > 200) {
            list.removeLast();
        }
    }

    private String time(TrainingEvent e) {
        return display.current().time(e.time());
    }

    static String metrics(Map<String, Double> m) {
        if (m == null || m.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("accuracy", "baseline", "auc", "liftPoints")) {
            Double v = m.get(k);
            if (v != null && Double.isFinite(v)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format(Locale.ROOT, "%.3f", v));
            }
        }
        return sb.toString();
    }

    /** An event's baseline figures (from core's scorecard), "" when it carries none. */
    static String baselines(Map<String, Double> m) {
        if (m == null || !m.containsKey("majority")) {
            return "";
        }
        return String.format(Locale.ROOT, "accuracy %.1f%% vs majority %.1f%%, always-long %.1f%%, always-flat %.1f%%; P&L/signal %+.3f%% vs %+.3f%%, "
                        + "%+.3f%%, %+.3f%%; buy-and-hold %+.2f%%", 100 * m.get("oosAccuracy"), 100 * m.get("majority"), 100 * m.get("alwaysLong"),
                100 * m.get("alwaysFlat"), m.get("pnlPct"), m.get("majorityPnlPct"), m.get("alwaysLongPnlPct"), m.get("alwaysFlatPnlPct"),
                m.get("buyAndHoldPct"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    @Override
    public void close() {
        subs.forEach(Subscription::close);
    }
}
