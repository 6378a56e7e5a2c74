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
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The training panel's model: job progress, loss curve, history and swaps from the training topics; model
 * versions, newest first, from a poll of the version store when the coordinator is in this process (else from swap events).
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
    /** The activations this desk asked for, by command id: their answers are listed with the swaps. */
    private final Map<String, String> activations = new ConcurrentHashMap<>();
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
    private String lastJob = "";

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
        subs.add(bus.subscribe(TrainingCommand.ANSWERS, this::onAnswer));
        if (versions != null) {
            presenters.every(2_000, () -> {
                Symbol s = symbol;
                // newest first, as the rows from swap events: the table opens on the version just trained
                List<TrainingSnapshot.ModelRow> v = new ArrayList<>(versions.apply(s));
                Collections.reverse(v);
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
        lastJob = "";
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

    /**
     * Asks the model's owner to make {@code version} the active model; {@code confirmedGap} is the promotion gate's gap
     * the person was shown and accepted (null for a version that passes the gate). The swap (or why not) comes back
     * in the swaps list.
     */
    public void activate(String modelId, String version, String confirmedGap) {
        TrainingCommand c = TrainingCommand.activate(modelId, version, confirmedGap);
        activations.put(c.id(), modelId + " " + version);
        presenters.run(() -> bus.publish(TrainingCommand.TOPIC, c));
    }

    private void onAnswer(TrainingCommand.Answer a) {
        String what = activations.remove(a.commandId());
        if (what == null || a.error() == null) {
            return; // another caller's, or done: the swap's own event says so
        }
        synchronized (this) {
            add(swaps, what + " not activated: " + a.error());
            dirty = true;
        }
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
                        e.loss() == null ? Double.NaN : e.loss(), pass(nz(e.fold()), nz(e.folds())) + ", epoch " + nz(e.epoch()) + "/" + nz(e.epochs()));
                if (e.loss() != null && lossCount < MAX_LOSS) {
                    if (lossCount == loss.length) {
                        loss = Arrays.copyOf(loss, loss.length * 2);
                    }
                    loss[lossCount++] = e.loss();
                }
            }
            case FOLD -> {
                String fold = "fold " + nz(e.fold()) + "/" + nz(e.folds());
                String b = TrainingFigures.baselines(e.metrics());
                add(history, time(e) + " " + e.jobId() + " " + fold + ": " + TrainingFigures.metrics("out-of-sample", e.metrics())
                        + (b.isEmpty() ? "" : "; " + b));
            }
            case JOB_FINISHED, JOB_FAILED, JOB_CANCELLED -> {
                // the holdout's figures and core's verdict (its message names the out-of-sample gap to the best baseline);
                // every baseline of the version is under the versions table
                String line = time(e) + " " + e.jobId() + " " + e.type().name().substring(4).toLowerCase(Locale.ROOT)
                        + (e.version() == null ? "" : " " + e.version()) + " " + join(TrainingFigures.metrics("holdout", e.metrics()), nz(e.message()));
                add(history, line);
                lastJob = line.trim();
                job = null;
            }
            case MODEL_SWAPPED, MODEL_REJECTED -> {
                add(swaps, time(e) + " " + e.modelId() + " " + nz(e.version()) + " " + (e.type().name().endsWith("SWAPPED") ? "swapped in" : "rejected")
                        + " " + join(TrainingFigures.metrics("holdout", e.metrics()), nz(e.message())));
                String b = TrainingFigures.baselines(e.metrics());
                fromEvents.add(0, new TrainingSnapshot.ModelRow(nz(e.modelId()), nz(e.version()), e.type().name().substring(6),
                        TrainingFigures.metrics("holdout", e.metrics()), b.isEmpty() ? "" : "out-of-sample " + b, "", e.time(), b, "", null));
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
            s = new TrainingSnapshot(models.isEmpty() ? List.copyOf(fromEvents) : models, job, Arrays.copyOf(loss, lossCount), lastJob,
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

    /**
     * A training pass by name: core counts the refit on every row as one more pass after the walk-forward folds (it
     * read "fold 5/5" on a job of four folds).
     */
    static String pass(int pass, int passes) {
        if (passes < 2) {
            return "pass " + pass + "/" + passes;
        }
        return pass == passes ? "refit on every row" : "fold " + pass + "/" + (passes - 1);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " — " + b;
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
