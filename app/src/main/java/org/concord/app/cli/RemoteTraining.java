package org.concord.app.cli;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.training.TrainingCommand;
import org.concord.training.TrainingJob;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code concord train --bus redis://…}: asks the process that owns a model (a {@code concord serve}, or a desk on
 * that bus) to train it, through the training command API every other entry point uses, and follows the answer
 * and the job's end. Nothing trains in the CLI's process.
 *
 * <p>Exit codes, as the local {@code concord train}: 0 trained and swapped in; 3 trained and saved but below the
 * promotion gate (not active); 1 refused, failed or cancelled; 4 no answer (no process on the bus owns the model) or
 * the job did not end within the wait.
 */
final class RemoteTraining {
    static final int NO_ANSWER = 4;

    private RemoteTraining() {
    }

    /** The URI the CLI listens with: its own consumer group unless one is named, so it takes no other process's messages. */
    static String cliUri(String uri) {
        if (!uri.regionMatches(true, 0, "redis://", 0, 8) || uri.contains("group=")) {
            return uri;
        }
        long pid = ProcessHandle.current().pid();
        return uri + (uri.contains("?") ? "&" : "?") + "group=cli-train-" + pid + "&consumer=cli-" + pid + "&outbox=none";
    }

    static int ask(EventBus bus, String target, String reason, long answerSeconds, long waitSeconds, PrintStream out, PrintStream err)
            throws InterruptedException {
        TrainingCommand command = TrainingCommand.train(target, reason);
        CompletableFuture<TrainingCommand.Answer> answer = new CompletableFuture<>();
        CompletableFuture<TrainingCommand.Outcome> outcome = new CompletableFuture<>();
        try (Subscription a = bus.subscribe(TrainingCommand.ANSWERS, x -> {
                 if (command.id().equals(x.commandId())) {
                     answer.complete(x);
                 }
             });
             Subscription o = bus.subscribe(TrainingCommand.RESULTS, x -> {
                 if (command.id().equals(x.commandId())) {
                     outcome.complete(x);
                 }
             })) {
            bus.publish(TrainingCommand.TOPIC, command);
            TrainingCommand.Answer ans = await(answer, answerSeconds);
            if (ans == null) {
                err.printf(Locale.ROOT, "concord train: no process on the bus answered for %s within %d s (is a concord serve or a desk "
                        + "with that model connected to this bus?)%n", target, answerSeconds);
                return NO_ANSWER;
            }
            if (ans.error() != null) {
                err.printf(Locale.ROOT, "concord train: %s refused the training: %s%n", ans.modelId(), ans.error());
                return 1;
            }
            out.printf(Locale.ROOT, "train %s: job %s accepted by the model's owner; waiting up to %d s for it to end%n",
                    ans.modelId(), ans.jobId(), waitSeconds);
            TrainingCommand.Outcome end = await(outcome, waitSeconds);
            if (end == null) {
                err.printf(Locale.ROOT, "concord train: job %s of %s did not end within %d s (it goes on in its owner)%n", ans.jobId(),
                        ans.modelId(), waitSeconds);
                return NO_ANSWER;
            }
            TrainingJob.Result r = end.result();
            out.printf(Locale.ROOT, "job %s %s%s: %s%n", r.jobId(), r.state(), r.version() == null ? "" : " (" + r.version() + ")", r.message());
            if (r.baselines() != null) {
                out.printf(Locale.ROOT, "out of sample vs baselines: %s%n", r.baselines().describe());
            }
            return switch (r.state()) {
                case SWAPPED -> 0;
                case REJECTED, TRAINED -> 3;
                default -> 1;
            };
        }
    }

    private static <T> T await(CompletableFuture<T> f, long seconds) throws InterruptedException {
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
