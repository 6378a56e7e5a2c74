package org.concord.training;

import org.concord.bus.Topic;

import java.util.UUID;

/**
 * The one way to ask a model for training. The Training tab and the annotation workspace publish it on {@link #TOPIC}
 * and the process that owns the model's coordinator (this desk, or a server over Redis) takes it
 * ({@link TrainingCommandHandler}), answers on {@link #ANSWERS} (the job's id, or why it refused) and publishes the
 * job's result on {@link #RESULTS} when it ends. In-process callers — the coordinator's own triggers and accuracy
 * monitor, the orchestrator's {@code triggerTrainingOnEvent}, live modes — hand the same command to
 * {@link TrainingCoordinator#submit}, which is what the handler calls too.
 *
 * @param id      the command's id (the answer and the result name it)
 * @param action  {@link #TRAIN}, {@link #TRAIN_IF_IDLE} (an automatic trigger: skipped while a job is queued or running
 *                or the model's training switch is off) or {@link #CANCEL}
 * @param target  the model's id ("cnn-btcusd") or its symbol ("BTCUSD")
 * @param request what to train on (train actions only)
 * @param jobId   the job to cancel (null: the running or first queued one)
 * @param version the saved version to make the active one ({@link #ACTIVATE} only)
 * @param confirmedGap for {@link #ACTIVATE} of a version below the promotion gate: the gap the person confirmed, as
 *                the gate words it (null: none confirmed; such a version is then refused)
 */
public record TrainingCommand(String id, String action, String target, TrainingRequest request, String jobId, String version,
                              String confirmedGap) {
    public static final String TRAIN = "train";
    public static final String TRAIN_IF_IDLE = "train-if-idle";
    public static final String CANCEL = "cancel";
    /** Make a saved version the active one ({@link TrainingCoordinator#activate}), e.g. one kept below the gate. */
    public static final String ACTIVATE = "activate";
    /** Caller → coordinator (durable: a click must not be lost). */
    public static final Topic<TrainingCommand> TOPIC = Topic.durable("training.commands", TrainingCommand.class);
    public static final Topic<Answer> ANSWERS = Topic.transientTopic("training.answers", Answer.class);
    public static final Topic<Outcome> RESULTS = Topic.durable("training.results", Outcome.class);

    public TrainingCommand {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a training command needs an id");
        }
        if (!TRAIN.equals(action) && !TRAIN_IF_IDLE.equals(action) && !CANCEL.equals(action) && !ACTIVATE.equals(action)) {
            throw new IllegalArgumentException("training command must be 'train', 'train-if-idle', 'cancel' or 'activate', got '" + action + "'");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a training command names its model (id or symbol)");
        }
        if ((TRAIN.equals(action) || TRAIN_IF_IDLE.equals(action)) && request == null) {
            throw new IllegalArgumentException("a train command needs a request");
        }
        if (ACTIVATE.equals(action) && (version == null || version.isBlank())) {
            throw new IllegalArgumentException("an activate command names the version");
        }
    }

    /** Train {@code target} as {@code request} says. */
    public static TrainingCommand train(String target, TrainingRequest request) {
        return new TrainingCommand(UUID.randomUUID().toString(), TRAIN, target, request, null, null, null);
    }

    /** Train {@code target} on every frame, the validated model swapped in. */
    public static TrainingCommand train(String target, String reason) {
        return train(target, TrainingRequest.of(reason));
    }

    /** An automatic trigger's request: coalesced with a job already queued or running, skipped while training is off. */
    public static TrainingCommand trainIfIdle(String target, String reason) {
        return new TrainingCommand(UUID.randomUUID().toString(), TRAIN_IF_IDLE, target, TrainingRequest.of(reason), null, null, null);
    }

    /** Cancel {@code jobId} of {@code target} (null: its running or first queued job). */
    public static TrainingCommand cancel(String target, String jobId) {
        return new TrainingCommand(UUID.randomUUID().toString(), CANCEL, target, null, jobId, null, null);
    }

    /**
     * Make {@code version} of {@code target} the active model; one below the promotion gate only with
     * {@code confirmedGap}, the gap as the gate words it, which the person was shown and confirmed.
     */
    public static TrainingCommand activate(String target, String version, String confirmedGap) {
        return new TrainingCommand(UUID.randomUUID().toString(), ACTIVATE, target, null, null, version, confirmedGap);
    }

    /** What became of a command: the job it started or cancelled (null: none, e.g. a coalesced trigger), or why not. */
    public record Answer(String commandId, String modelId, String jobId, String error) {
    }

    /** A commanded job's end. */
    public record Outcome(String commandId, TrainingJob.Result result) {
    }
}
