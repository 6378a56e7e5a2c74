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
 */
public record TrainingCommand(String id, String action, String target, TrainingRequest request, String jobId) {
    public static final String TRAIN = "train";
    public static final String TRAIN_IF_IDLE = "train-if-idle";
    public static final String CANCEL = "cancel";
    /** Caller → coordinator (durable: a click must not be lost). */
    public static final Topic<TrainingCommand> TOPIC = Topic.durable("training.commands", TrainingCommand.class);
    public static final Topic<Answer> ANSWERS = Topic.transientTopic("training.answers", Answer.class);
    public static final Topic<Outcome> RESULTS = Topic.durable("training.results", Outcome.class);

    public TrainingCommand {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a training command needs an id");
        }
        if (!TRAIN.equals(action) && !TRAIN_IF_IDLE.equals(action) && !CANCEL.equals(action)) {
            throw new IllegalArgumentException("training command must be 'train', 'train-if-idle' or 'cancel', got '" + action + "'");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a training command names its model (id or symbol)");
        }
        if (!CANCEL.equals(action) && request == null) {
            throw new IllegalArgumentException("a train command needs a request");
        }
    }

    /** Train {@code target} as {@code request} says. */
    public static TrainingCommand train(String target, TrainingRequest request) {
        return new TrainingCommand(UUID.randomUUID().toString(), TRAIN, target, request, null);
    }

    /** Train {@code target} on every frame, the validated model swapped in. */
    public static TrainingCommand train(String target, String reason) {
        return train(target, TrainingRequest.of(reason));
    }

    /** An automatic trigger's request: coalesced with a job already queued or running, skipped while training is off. */
    public static TrainingCommand trainIfIdle(String target, String reason) {
        return new TrainingCommand(UUID.randomUUID().toString(), TRAIN_IF_IDLE, target, TrainingRequest.of(reason), null);
    }

    /** Cancel {@code jobId} of {@code target} (null: its running or first queued job). */
    public static TrainingCommand cancel(String target, String jobId) {
        return new TrainingCommand(UUID.randomUUID().toString(), CANCEL, target, null, jobId);
    }

    /** What became of a command: the job it started or cancelled (null: none, e.g. a coalesced trigger), or why not. */
    public record Answer(String commandId, String modelId, String jobId, String error) {
    }

    /** A commanded job's end. */
    public record Outcome(String commandId, TrainingJob.Result result) {
    }
}
