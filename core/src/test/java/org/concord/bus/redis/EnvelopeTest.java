package org.concord.bus.redis;

import org.concord.bus.Topic;
import org.concord.bus.redis.BusSamples.Decision;
import org.concord.bus.redis.BusSamples.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTest {

    @Test
    void everySampleEventSurvivesWriteAndParse() throws Exception {
        for (Sample<?> s : BusSamples.all()) {
            roundTrip(s);
        }
    }

    private <T> void roundTrip(Sample<T> s) throws Exception {
        for (T e : s.events()) {
            String text = Envelope.write(s.topic(), "server-1#ab12", 7, 1_700_000_000_000L, Envelope.payloadJson(s.topic(), e));
            Envelope env = Envelope.parse(text);
            assertThat(env.version()).isEqualTo(1);
            assertThat(env.topic()).isEqualTo(s.topic().name());
            assertThat(env.type()).isEqualTo(s.topic().type().getName());
            assertThat(env.origin()).isEqualTo("server-1#ab12");
            assertThat(env.seq()).isEqualTo(7);
            assertThat(env.ts()).isEqualTo(1_700_000_000_000L);
            assertThat(env.payloadAs(s.topic())).isEqualTo(e);
        }
    }

    @Test
    void timesAreIsoStringsAndTheEnvelopeIsPlainJson() throws Exception {
        Sample<?> decisions = BusSamples.all().get(1);
        Decision d = (Decision) decisions.events().get(0);
        String text = Envelope.write(BusSamples.DECISIONS, "o#1", 1, 5, Envelope.payloadJson(BusSamples.DECISIONS, d));
        assertThat(text).startsWith("{\"v\":1,\"topic\":\"test.orchestrator.decision\",\"type\":\"" + Decision.class.getName() + "\"")
                .contains("\"time\":\"2023-03-13T00:05:00Z\"").contains("\"symbol\":{\"code\":\"ETHUSD\"}")
                .contains("\"action\":\"BUY\"");
        assertThat(Envelope.MAPPER.readTree(text).isObject()).isTrue();
    }

    @Test
    void aPayloadThatBreaksTheRecordsOwnRuleIsRejected() throws Exception {
        String text = Envelope.write(BusSamples.DECISIONS, "o#1", 1, 5,
                "{\"symbol\":{\"code\":\"ETHUSD\"},\"time\":\"2023-03-13T00:05:00Z\",\"action\":null,\"confidence\":1.0,\"votes\":{},\"reason\":null}");
        Envelope env = Envelope.parse(text);
        assertThatThrownBy(() -> env.payloadAs(BusSamples.DECISIONS)).isInstanceOf(MalformedMessageException.class)
                .satisfies(e -> assertThat(((MalformedMessageException) e).reason()).isEqualTo(RejectReason.BAD_PAYLOAD))
                .hasMessageContaining("symbol and action are required");
    }

    @Test
    void anEnumGivenAsANumberIsRejected() throws Exception {
        String text = Envelope.write(BusSamples.DECISIONS, "o#1", 1, 5,
                "{\"symbol\":{\"code\":\"ETHUSD\"},\"time\":\"2023-03-13T00:05:00Z\",\"action\":0,\"confidence\":1.0,\"votes\":{},\"reason\":null}");
        assertThatThrownBy(() -> Envelope.parse(text).payloadAs(BusSamples.DECISIONS)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void rejectsCarryTheirReason() {
        assertReason(null, RejectReason.MISSING_FIELD);
        assertReason("", RejectReason.BAD_JSON);
        assertReason("\"just a string\"", RejectReason.BAD_JSON);
        assertReason("{\"topic\":\"x\"}", RejectReason.BAD_ENVELOPE);
        assertReason("{\"v\":\"one\"}", RejectReason.BAD_ENVELOPE);
        assertReason("{\"v\":3,\"payload\":{}}", RejectReason.UNKNOWN_VERSION);
        assertReason("{\"v\":1,\"topic\":\"t\",\"type\":\"x\",\"origin\":\"o\",\"seq\":1,\"ts\":1}", RejectReason.BAD_ENVELOPE);
        assertReason("{\"v\":1,\"topic\":\"t\",\"type\":\"x\",\"origin\":\"o\",\"seq\":1.5,\"ts\":1,\"payload\":{}}", RejectReason.BAD_ENVELOPE);
        assertReason("{\"v\":1,\"topic\":\"t\",\"type\":\"x\",\"origin\":\"o\",\"seq\":1,\"ts\":1,\"payload\":null}", RejectReason.BAD_ENVELOPE);
    }

    private static void assertReason(String text, RejectReason reason) {
        assertThatThrownBy(() -> Envelope.parse(text)).isInstanceOf(MalformedMessageException.class)
                .satisfies(e -> assertThat(((MalformedMessageException) e).reason()).isEqualTo(reason));
    }

    @Test
    void anEventJacksonCannotWriteFailsLoudlyAtPublish() {
        Topic<Object> t = Topic.durable("test.any", Object.class);
        assertThatThrownBy(() -> Envelope.payloadJson(t, new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.any");
    }

    @Test
    void theSeenWindowDropsCopiesInsideItAndDeliversOlderOnes() {
        SeenWindow w = new SeenWindow(8);
        for (long s : List.of(1L, 2L, 3L)) {
            assertThat(w.firstTime(s)).isTrue();
        }
        assertThat(w.firstTime(2)).isFalse();
        assertThat(w.firstTime(20)).isTrue();
        assertThat(w.firstTime(15)).isTrue();   // a gap filled late (claimed from another consumer)
        assertThat(w.firstTime(15)).isFalse();
        assertThat(w.firstTime(3)).isTrue();    // older than the window: delivered rather than wrongly dropped
        assertThat(w.firstTime(20)).isFalse();
    }
}
