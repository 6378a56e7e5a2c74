package org.concord.app.training;

import org.concord.chart.DisplayFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Training tab's "last job" line. After a restart it said "no training job has ended yet" over a versions table
 * that listed the version an earlier session's job had trained.
 */
class TrainingLastJobTest {
    private static final TrainingSnapshot.ModelRow V2 = new TrainingSnapshot.ModelRow("cnn-btcusd", "v000002", "ACTIVE", "", "", "",
            1_796_640_000_000L, "", "", null);

    private static TrainingSnapshot snapshot(String lastJob, List<TrainingSnapshot.ModelRow> models) {
        return new TrainingSnapshot(models, null, new double[0], lastJob, List.of(), List.of(), "");
    }

    @Test
    void beforeAJobEndsInThisSessionTheLineNamesTheNewestVersionOnDisk() {
        assertThat(TrainingView.lastJobLine(snapshot("", List.of(V2)), DisplayFormat.UTC))
                .isEqualTo("no training job has ended since the desk started; the newest version is v000002, trained "
                        + DisplayFormat.UTC.dateTime(V2.createdAt()));
        assertThat(TrainingView.lastJobLine(snapshot("", List.of()), DisplayFormat.UTC)).isEqualTo("no training job has ended yet");
        assertThat(TrainingView.lastJobLine(snapshot("12:00 cnn-btcusd-job-3 finished v000003", List.of(V2)), DisplayFormat.UTC))
                .isEqualTo("last job: 12:00 cnn-btcusd-job-3 finished v000003");
    }
}
