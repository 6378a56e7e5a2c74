package org.concord.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.eval.PromotionGate;
import org.concord.training.samples.ExpansionRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The training command API's messages survive the JSON round trip the Redis bus makes (a desk commanding a server's model). */
class TrainingCommandJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    private <T> void roundTrip(T value, Class<T> type) throws Exception {
        assertThat(json.readValue(json.writeValueAsString(value), type)).isEqualTo(value);
    }

    @Test
    void commandsAnswersAndOutcomesRoundTrip() throws Exception {
        Annotation a = new Annotation("a-1", Symbol.of("BTCUSD"), Timeframe.M1, 1_385_337_600_000L, 1000, 1_385_338_200_000L, 1010,
                AnnotationDirection.LONG, Double.NaN, Double.NaN, Double.NaN, List.of(), "", 0, 0, "", null);
        roundTrip(TrainingCommand.train("cnn-btcusd", TrainingRequest.expanded("annotation workspace: 1 annotations", List.of(a),
                ExpansionRule.DEFAULT, false)), TrainingCommand.class);
        roundTrip(TrainingCommand.train("BTCUSD", "train now (desktop, BTCUSD)"), TrainingCommand.class);
        roundTrip(TrainingCommand.cancel("BTCUSD", "cnn-btcusd-job-3"), TrainingCommand.class);
        roundTrip(new TrainingCommand.Answer("c-1", "cnn-btcusd", "cnn-btcusd-job-3", null), TrainingCommand.Answer.class);
        roundTrip(new TrainingCommand.Outcome("c-1", new TrainingJob.Result("cnn-btcusd-job-3", TrainingJob.State.CANCELLED, null, null, 1200,
                "cancelled", null, new PromotionGate.Verdict(false, "not trained"))), TrainingCommand.Outcome.class);
    }

    @Test
    void aCommandSaysWhatItIsForOrIsRefused() {
        assertThatThrownBy(() -> new TrainingCommand("c", "retrain", "BTCUSD", TrainingRequest.of("x"), null, null, null)).hasMessageContaining("'retrain'");
        assertThatThrownBy(() -> new TrainingCommand("c", TrainingCommand.TRAIN, " ", TrainingRequest.of("x"), null, null, null)).hasMessageContaining("names its model");
        assertThatThrownBy(() -> new TrainingCommand("c", TrainingCommand.TRAIN, "BTCUSD", null, null, null, null)).hasMessageContaining("needs a request");
    }
}
