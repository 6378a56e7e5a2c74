package org.concord.app.training;

import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Presenters;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.DisplayFormat;
import org.concord.training.TrainingEvent;
import org.concord.training.TrainingEventType;
import org.concord.training.TrainingTopics;
import org.concord.training.eval.Scorecard;
import org.concord.training.loop.Metrics;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelVersionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person read AUC 0.605 on the Training tab's "last job" line and 0.518 in its versions table for what looked like
 * the same model: the first was the newest fold's (holdout) AUC, the second every fold's out-of-sample AUC, and
 * neither said which. Each AUC now names what it was measured on and stands next to its baseline (0.500, what any
 * constant call scores), as accuracy stands next to the majority class; the line and the row agree on the holdout's.
 */
class TrainingFiguresTest {
    private static final double HOLDOUT_AUC = 0.605;
    private static final double OOS_AUC = 0.518;
    private final InProcessEventBus bus = new InProcessEventBus();
    private final Presenters presenters = new Presenters();

    @AfterEach
    void close() {
        presenters.close();
        bus.close();
    }

    /** Figures as core's job runner puts them on a JOB_FINISHED event: the holdout's metrics, every fold's scorecard. */
    private static Map<String, Double> figures(double accuracy, double auc) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("accuracy", accuracy);
        f.put("auc", auc);
        f.put("baseline", 0.726);
        f.put("liftPoints", 100 * (accuracy - 0.726));
        f.put("n", 229.0);
        f.put("oosAccuracy", 0.759);
        f.put("majority", 0.759);
        f.put("alwaysLong", 0.129);
        f.put("alwaysFlat", 0.759);
        f.put("pnlPct", 0.0);
        f.put("majorityPnlPct", 0.0);
        f.put("alwaysLongPnlPct", -0.164);
        f.put("alwaysFlatPnlPct", 0.0);
        f.put("buyAndHoldPct", 5.51);
        return f;
    }

    private static TrainingEvent event(TrainingEventType type, String job, Integer fold, Integer folds, Map<String, Double> metrics, String msg) {
        return new TrainingEvent(type, 1_700_000_000_000L, "cnn-btcusd", job, type == TrainingEventType.JOB_FINISHED ? "v000001" : null,
                fold, folds, null, null, null, null, null, metrics, null, null, msg);
    }

    private TrainingSnapshot await(TrainingPresenter p, Predicate<TrainingSnapshot> done) throws Exception {
        AtomicReference<TrainingSnapshot> last = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> {
            TrainingSnapshot s = p.slot().take();
            if (s != null) {
                last.set(s);
            }
            return last.get() != null && done.test(last.get());
        });
        return last.get();
    }

    @Test
    void theLastJobLineAndTheVersionRowNameEachAucAndSetItBesideItsBaseline() throws Exception {
        TrainingPresenter p = new TrainingPresenter(bus, presenters, null, new DisplaySettings(DisplayFormat.UTC));
        bus.publish(TrainingTopics.EVENTS, event(TrainingEventType.JOB_FINISHED, "cnn-btcusd-job-1", null, null, figures(0.726, HOLDOUT_AUC),
                "v000001 rejected: below the promotion gate"));
        TrainingSnapshot s = await(p, x -> !x.lastJob().isEmpty());
        assertThat(s.lastJob()).contains("holdout AUC 0.605 vs 0.500 chance").contains("accuracy 0.726 vs majority 0.726 (+0.0 pts)")
                .contains("below the promotion gate").doesNotContain("auc 0.605");

        Metrics holdout = new Metrics(229, 0.726, HOLDOUT_AUC, 0.726, 1, Map.of(), 0.61);
        Metrics oos = new Metrics(918, 0.759, OOS_AUC, 0.759, 1, Map.of(), 0.58);
        Scorecard card = new Scorecard(918, 0.759, 0.759, 0.129, 0.759, 0.0, 0.0, -0.164, 0.0, 5.51, 1, Scorecard.DEFAULT_COST_PCT);
        ModelManifest m = new ModelManifest(ModelManifest.SCHEMA, "cnn-btcusd", "v000001", 1L, "BTCUSD", List.of("1m"), 60, List.of(), List.of(),
                null, null, null, null, Map.of(), null, oos, holdout, List.of(), List.of(), Map.of(), Map.of(), null, 0, null, card, null, null,
                Map.of(), "");
        ModelVersionStore.VersionRow v = new ModelVersionStore.VersionRow("cnn-btcusd", "v000001", 1L, "REJECTED", 0.726, 0.726, OOS_AUC, 1147,
                1_385_424_000_000L, 1_385_520_000_000L, "");
        TrainingSnapshot.ModelRow row = TrainingFigures.row(v, m, DisplayFormat.UTC);
        assertThat(row.holdout()).contains("holdout AUC 0.605 vs 0.500 chance").contains("accuracy 0.726 vs majority 0.726");
        assertThat(row.outOfSample()).contains("out-of-sample AUC 0.518 vs 0.500 chance").contains("accuracy 0.759 vs majority 0.759");
        assertThat(row.metrics()).contains("out-of-sample AUC");
        assertThat(row.gate()).startsWith("below: ");
        assertThat(TrainingFigures.verdict(row.gate())).isEqualTo("below");
        assertThat(row.dataRange()).contains("1147 samples");
    }

    @Test
    void theLastJobLineIsTheLastJobThatEndedNotARunningJobsFold() throws Exception {
        TrainingPresenter p = new TrainingPresenter(bus, presenters, null, new DisplaySettings(DisplayFormat.UTC));
        bus.publish(TrainingTopics.EVENTS, event(TrainingEventType.JOB_FINISHED, "cnn-btcusd-job-1", null, null, figures(0.726, HOLDOUT_AUC), "done"));
        bus.publish(TrainingTopics.EVENTS, event(TrainingEventType.JOB_STARTED, "cnn-btcusd-job-2", null, null, null, "train now"));
        bus.publish(TrainingTopics.EVENTS, event(TrainingEventType.FOLD, "cnn-btcusd-job-2", 3, 4, figures(0.728, 0.541), null));
        TrainingSnapshot s = await(p, x -> x.history().stream().anyMatch(l -> l.contains("fold 3/4")));
        assertThat(s.history().get(0)).contains("cnn-btcusd-job-2 fold 3/4: out-of-sample AUC 0.541 vs 0.500 chance");
        assertThat(s.lastJob()).contains("cnn-btcusd-job-1 finished").doesNotContain("job-2");
    }

    @Test
    void theRefitAfterTheFoldsIsNamedSoNotAFifthFoldOfFour() {
        assertThat(TrainingPresenter.pass(4, 5)).isEqualTo("fold 4/4");
        assertThat(TrainingPresenter.pass(5, 5)).isEqualTo("refit on every row");
    }
}
