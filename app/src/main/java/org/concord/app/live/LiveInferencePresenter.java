package org.concord.app.live;

import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.live.LiveCommand;
import org.concord.live.LiveMode;
import org.concord.live.LiveSnapshot;
import org.concord.live.LiveTopics;
import org.concord.live.ModelInfoReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the live-inference snapshots and the model rows from the bus and hands the newest of each to the FX
 * pulse (latest wins); sends start/stop and the per-model switches back as {@link LiveCommand}s from the
 * presenter thread. Works the same against a local or a remote (Redis) core.
 */
public final class LiveInferencePresenter implements AutoCloseable {
    private final EventBus bus;
    private final Presenters presenters;
    private final FxPulse.Slot<LiveSnapshot> snapshots = new FxPulse.Slot<>();
    private final FxPulse.Slot<ModelInfoReport> models = new FxPulse.Slot<>();
    private final List<Subscription> subs = new ArrayList<>();

    public LiveInferencePresenter(EventBus bus, Presenters presenters) {
        if (bus == null || presenters == null) {
            throw new IllegalArgumentException("bus and presenters are required");
        }
        this.bus = bus;
        this.presenters = presenters;
        subs.add(bus.subscribe(LiveTopics.SNAPSHOTS, snapshots::offer));
        subs.add(bus.subscribe(LiveTopics.MODELS, models::offer));
    }

    public FxPulse.Slot<LiveSnapshot> snapshots() {
        return snapshots;
    }

    public FxPulse.Slot<ModelInfoReport> models() {
        return models;
    }

    public void start(String modelId, LiveMode mode) {
        send(LiveCommand.start(modelId, mode));
    }

    public void stop(String modelId) {
        send(LiveCommand.stop(modelId));
    }

    public void setInference(String modelId, boolean on) {
        send(LiveCommand.inference(modelId, on));
    }

    public void setTraining(String modelId, boolean on) {
        send(LiveCommand.training(modelId, on));
    }

    private void send(LiveCommand c) {
        presenters.run(() -> bus.publish(LiveTopics.COMMANDS, c));
    }

    @Override
    public void close() {
        subs.forEach(Subscription::close);
    }
}
