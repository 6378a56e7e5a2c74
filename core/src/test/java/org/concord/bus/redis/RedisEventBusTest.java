package org.concord.bus.redis;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.bus.Topic;
import org.concord.bus.redis.BusSamples.Sample;
import org.concord.bus.redis.BusSamples.Seq;
import org.concord.quality.InputIssue;
import org.concord.bus.Subscription;
import org.concord.testkit.redis.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis bus against a real redis-server started by the test (skipped with a message where none is installed). */
class RedisEventBusTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    private RedisServerProcess redis;
    private final List<RedisEventBus> buses = new ArrayList<>();

    @BeforeEach
    void startRedis() {
        RedisServerProcess.assumeAvailable();
        redis = RedisServerProcess.start(tmp.resolve("redis"));
    }

    @AfterEach
    void stop() {
        buses.forEach(RedisEventBus::close);
        if (redis != null) {
            redis.close();
        }
    }

    private RedisEventBus bus(String group, String consumer, String... params) {
        StringBuilder uri = new StringBuilder(redis.uri()).append("?group=").append(group).append("&consumer=").append(consumer)
                .append("&outbox=").append(tmp.resolve("outbox")).append("&maxBackoff=100&block=100");
        for (String p : params) {
            uri.append('&').append(p);
        }
        RedisEventBus b = new RedisEventBus(RedisBusConfig.fromUri(uri.toString()));
        buses.add(b);
        return b;
    }

    private Jedis raw() {
        return new Jedis("127.0.0.1", redis.port());
    }

    static List<Sample<?>> topics() {
        return BusSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyTopicMakesTheRoundTripToAnotherProcessAndOnceLocally(Sample<?> sample) throws Exception {
        roundTrip(sample);
    }

    private <T> void roundTrip(Sample<T> sample) throws Exception {
        RedisEventBus server = bus("orchestrator", "server-1");
        RedisEventBus desktop = bus("desktop", "desk-1");
        assertThat(server.state()).isEqualTo(BusConnectionState.CONNECTED);
        Collector<T> remote = new Collector<>();
        Collector<T> local = new Collector<>();
        desktop.subscribe(sample.topic(), remote);
        server.subscribe(sample.topic(), local);

        for (T e : sample.events()) {
            server.publish(sample.topic(), e);
        }

        assertThat(remote.await(sample.events().size(), WAIT)).containsExactlyElementsOf(sample.events());
        assertThat(remote.threads()).allMatch(t -> t.startsWith(sample.topic().durable() ? "concord-bus-reader" : "concord-bus-pubsub"));
        // the publisher's own subscriber got them synchronously, once: its echo from Redis is skipped
        assertThat(local.events()).containsExactlyElementsOf(sample.events());
        assertThat(local.threads()).allMatch(t -> t.equals(Thread.currentThread().getName()));
        if (sample.topic().durable()) {
            assertThat(Collector.eventually(WAIT, () -> server.metrics().echoesSkipped() == sample.events().size())).isTrue();
            assertEnvelopeOnTheWire(server, sample);
        }
        assertThat(local.events()).hasSize(sample.events().size());
        assertThat(desktop.metrics().rejectedTotal()).isZero();
    }

    private <T> void assertEnvelopeOnTheWire(RedisEventBus server, Sample<T> sample) throws Exception {
        try (Jedis j = raw()) {
            List<StreamEntry> entries = j.xrange(server.config().streamKey(sample.topic().name()), "-", "+");
            assertThat(entries).hasSize(sample.events().size());
            JsonNode env = Envelope.MAPPER.readTree(entries.get(0).getFields().get("m"));
            assertThat(env.get("v").asInt()).isEqualTo(1);
            assertThat(env.get("topic").asText()).isEqualTo(sample.topic().name());
            assertThat(env.get("type").asText()).isEqualTo(sample.topic().type().getName());
            assertThat(env.get("origin").asText()).isEqualTo(server.origin());
            assertThat(env.get("seq").asLong()).isEqualTo(1);
            assertThat(env.get("ts").asLong()).isPositive();
            assertThat(Envelope.MAPPER.treeToValue(env.get("payload"), sample.topic().type())).isEqualTo(sample.events().get(0));
        }
    }

    @Test
    void redisKilledMidStreamLosesNoAcknowledgedMessageAndKeepsOrder() throws Exception {
        RedisEventBus producer = bus("orchestrator", "server-1");
        RedisEventBus consumer = bus("desktop", "desk-1");
        Collector<Seq> got = new Collector<>();
        consumer.subscribe(BusSamples.SEQ, got);
        String key = producer.config().streamKey(BusSamples.SEQ.name());
        int total = 3_000;
        long ackedBeforeKill = -1;
        for (int i = 1; i <= total; i++) {
            producer.publish(BusSamples.SEQ, new Seq(i, "n" + i));
            if (i == 1_000) {
                assertThat(producer.flush(WAIT)).isTrue();
            }
            if (i == 1_500) {
                // "acknowledged" = Redis answered XADD with an id; everything counted here must survive the kill
                ackedBeforeKill = producer.metrics().sentDurable();
                redis.kill();
            }
            if (i == 2_000) {
                assertThat(producer.awaitState(BusConnectionState.DEGRADED, WAIT)).isTrue();
            }
            if (i == 2_500) {
                redis.restart();
                // straight after the restart, before the producer resends: the stream holds every acknowledged message
                try (Jedis j = raw()) {
                    List<StreamEntry> kept = j.xrange(key, "-", "+", (int) ackedBeforeKill);
                    assertThat(seqsOf(kept)).isEqualTo(LongStream.rangeClosed(1, ackedBeforeKill).boxed().toList());
                }
            }
        }
        assertThat(ackedBeforeKill).isGreaterThanOrEqualTo(1_000);
        assertThat(producer.flush(WAIT)).isTrue();
        List<Seq> received = got.await(total, WAIT);
        // every message in publish order, none twice (resent copies are recognised by origin+seq)
        assertThat(received.stream().map(Seq::n).toList()).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(producer.awaitState(BusConnectionState.CONNECTED, WAIT)).isTrue();
        try (Jedis j = raw()) {
            List<Long> inRedis = seqsOf(j.xrange(key, "-", "+"));
            assertThat(inRedis.stream().distinct().toList()).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(seqsOf(j.xrange(key, "-", "+", (int) ackedBeforeKill)))
                    .isEqualTo(LongStream.rangeClosed(1, ackedBeforeKill).boxed().toList());
            // nothing left pending in the consumer's group
            assertThat(Collector.eventually(WAIT, () -> j.xpending(key, "desktop").getTotal() == 0)).isTrue();
        }
        assertThat(consumer.metrics().reconnects()).isPositive();
        assertThat(producer.metrics().lost()).isZero();
    }

    @Test
    void aRestartedConsumerResumesFromItsOffsetWithoutLossOrRedelivery() throws Exception {
        RedisEventBus producer = bus("orchestrator", "server-1");
        RedisEventBus first = bus("desktop", "desk-1");
        Collector<Seq> before = new Collector<>();
        first.subscribe(BusSamples.SEQ, before);
        publish(producer, 1, 100);
        assertThat(before.await(100, WAIT)).hasSize(100);
        first.close();

        publish(producer, 101, 200); // while the desktop is away
        assertThat(producer.flush(WAIT)).isTrue();

        RedisEventBus again = bus("desktop", "desk-1");
        Collector<Seq> after = new Collector<>();
        again.subscribe(BusSamples.SEQ, after);
        publish(producer, 201, 250);
        List<Seq> got = after.await(150, WAIT);
        assertThat(got.stream().map(Seq::n).toList()).isEqualTo(LongStream.rangeClosed(101, 250).boxed().toList());
        // a fence: the one reader thread hands a stream over in order, so a re-delivery of 1..100 from any read
        // before this message's would arrive before it
        publish(producer, 251, 251);
        assertThat(after.await(151, WAIT)).hasSize(151);
        assertThat(after.events().stream().map(Seq::n).toList()).isEqualTo(LongStream.rangeClosed(101, 251).boxed().toList());
        assertThat(again.metrics().received()).isEqualTo(151); // 1..100 not even read again (and dropped as copies)
        assertThat(again.metrics().duplicatesSkipped()).isZero();
        // and nothing is left to re-deliver later: no entry pending in the group (to re-read after a reconnect or
        // to claim), and the group's offset is at 251, past everything
        String key = producer.config().streamKey(BusSamples.SEQ.name());
        try (Jedis j = raw()) {
            StreamEntryID last = j.xrevrange(key, "+", "-", 1).get(0).getID();
            assertThat(Collector.eventually(WAIT, () -> j.xpending(key, "desktop").getTotal() == 0)).isTrue();
            assertThat(j.xinfoGroups(key)).filteredOn(g -> g.getName().equals("desktop")).singleElement()
                    .satisfies(g -> assertThat(g.getLastDeliveredId()).isEqualTo(last));
        }
    }

    @Test
    void pendingEntriesOfACrashedConsumerAreHandledAfterItsRestartOrClaimedByAnother() throws Exception {
        RedisEventBus producer = bus("orchestrator", "server-1");
        String key = producer.config().streamKey(BusSamples.SEQ.name());
        try (Jedis j = raw()) {
            j.xgroupCreate(key, "desktop", StreamEntryID.XGROUP_LAST_ENTRY, true);
            publish(producer, 1, 20);
            assertThat(producer.flush(WAIT)).isTrue();
            // two consumers read and "crash" before XACK: desk-1 holds 1..10, desk-9 holds 11..20
            j.xreadGroup("desktop", "desk-1", XReadGroupParams.xReadGroupParams().count(10),
                    Map.of(key, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            j.xreadGroup("desktop", "desk-9", XReadGroupParams.xReadGroupParams().count(10),
                    Map.of(key, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            assertThat(j.xpending(key, "desktop").getTotal()).isEqualTo(20);
        }
        RedisEventBus restarted = bus("desktop", "desk-1", "claimIdle=200");
        Collector<Seq> got = new Collector<>();
        restarted.subscribe(BusSamples.SEQ, got);
        publish(producer, 21, 25);
        List<Seq> all = got.await(25, WAIT);
        // its own pending 1..10 first, then new ones; desk-9's 11..20 once they were idle long enough
        assertThat(all.subList(0, 10).stream().map(Seq::n).toList()).isEqualTo(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(all.stream().map(Seq::n).sorted().toList()).isEqualTo(LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(restarted.metrics().claimed()).isEqualTo(10);
        try (Jedis j = raw()) {
            assertThat(Collector.eventually(WAIT, () -> j.xpending(key, "desktop").getTotal() == 0)).isTrue();
        }
    }

    @Test
    void replayFromAStreamOffsetThenFollowsLive() throws Exception {
        RedisEventBus producer = bus("orchestrator", "server-1");
        publish(producer, 1, 50);
        assertThat(producer.flush(WAIT)).isTrue();
        String id20;
        try (Jedis j = raw()) {
            id20 = j.xrange(producer.config().streamKey(BusSamples.SEQ.name()), "-", "+", 20).get(19).getID().toString();
        }
        RedisEventBus viewer = bus("viewer", "v-1");
        List<String> ids = new ArrayList<>();
        Collector<Seq> got = new Collector<>();
        try (Subscription s = viewer.subscribeFrom(BusSamples.SEQ, id20, (id, e) -> {
            synchronized (ids) {
                ids.add(id);
            }
            got.accept(e);
        })) {
            assertThat(got.await(30, WAIT)).hasSize(30);
            publish(producer, 51, 60);
            assertThat(got.await(40, WAIT).stream().map(Seq::n).toList()).isEqualTo(LongStream.rangeClosed(21, 60).boxed().toList());
        }
        synchronized (ids) {
            assertThat(ids).hasSize(40).doesNotContain(id20);
            assertThat(new StreamEntryID(ids.get(0))).isGreaterThan(new StreamEntryID(id20));
        }
    }

    @Test
    void malformedMessagesAreRejectedCountedDeadLetteredAndTheConsumerGoesOn() throws Exception {
        RedisEventBus producer = bus("orchestrator", "server-1");
        RedisEventBus consumer = bus("desktop", "desk-1");
        Collector<Seq> got = new Collector<>();
        consumer.subscribe(BusSamples.SEQ, got);
        String key = consumer.config().streamKey(BusSamples.SEQ.name());
        String type = Seq.class.getName();
        producer.publish(BusSamples.SEQ, new Seq(1, "before"));
        assertThat(got.await(1, WAIT)).hasSize(1);
        try (Jedis j = raw()) {
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", "{not json"));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", "[1,2,3]"));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("other", "field"));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", env(2, "test.seq", type, "{\"n\":5,\"note\":\"x\"}")));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", env(1, "test.other", type, "{\"n\":5,\"note\":\"x\"}")));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", env(1, "test.seq", "com.example.Evil", "{\"n\":5,\"note\":\"x\"}")));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", env(1, "test.seq", type, "{\"n\":\"five\",\"note\":\"x\"}")));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", env(1, "test.seq", type, "{\"n\":5,\"note\":\"x\",\"extra\":1}")));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", env(1, "test.seq", type, "{\"note\":\"no n\"}")));
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", "{\"v\":1,\"topic\":\"test.seq\",\"payload\":{}}"));
        }
        producer.publish(BusSamples.SEQ, new Seq(2, "after"));
        assertThat(got.await(2, WAIT).stream().map(Seq::note).toList()).containsExactly("before", "after");
        assertThat(Collector.eventually(WAIT, () -> consumer.metrics().rejectedTotal() == 10)).isTrue();
        BusMetrics m = consumer.metrics();
        assertThat(m.rejected()).containsEntry(RejectReason.BAD_JSON, 2L).containsEntry(RejectReason.MISSING_FIELD, 1L)
                .containsEntry(RejectReason.UNKNOWN_VERSION, 1L).containsEntry(RejectReason.WRONG_TOPIC, 1L)
                .containsEntry(RejectReason.WRONG_TYPE, 1L).containsEntry(RejectReason.BAD_PAYLOAD, 3L)
                .containsEntry(RejectReason.BAD_ENVELOPE, 1L);
        assertThat(m.deadLettered()).isEqualTo(10);
        assertThat(consumer.inputQuality().count("redis " + key, InputIssue.MALFORMED)).isEqualTo(10);
        try (Jedis j = raw()) {
            List<StreamEntry> dead = j.xrange(key + ":dead", "-", "+");
            assertThat(dead).hasSize(10);
            assertThat(dead.get(0).getFields()).containsEntry("reason", "BAD_JSON").containsEntry("raw", "{not json")
                    .containsEntry("group", "desktop");
            assertThat(Collector.eventually(WAIT, () -> j.xpending(key, "desktop").getTotal() == 0)).isTrue();
        }
        assertThat(m.delivered()).isEqualTo(2);
    }

    private static String env(int v, String topic, String type, String payload) {
        return "{\"v\":" + v + ",\"topic\":\"" + topic + "\",\"type\":\"" + type + "\",\"origin\":\"rogue#1\",\"seq\":1,\"ts\":1,"
                + "\"payload\":" + payload + "}";
    }

    @Test
    void whileRedisIsDownPublishStaysLocalAndTheBufferIsResentOnReconnect() throws Exception {
        RedisEventBus producer = bus("orchestrator", "server-1");
        RedisEventBus consumer = bus("desktop", "desk-1");
        Collector<Seq> remote = new Collector<>();
        Collector<Seq> local = new Collector<>();
        Collector<Seq> localLive = new Collector<>();
        List<BusConnectionState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        producer.onStateChange(states::add);
        consumer.subscribe(BusSamples.SEQ, remote);
        producer.subscribe(BusSamples.SEQ, local);
        producer.subscribe(BusSamples.SEQ_LIVE, localLive);

        redis.kill();
        assertThat(producer.awaitState(BusConnectionState.DEGRADED, WAIT)).isTrue();
        for (int i = 1; i <= 500; i++) {
            long t0 = System.nanoTime();
            producer.publish(BusSamples.SEQ, new Seq(i, "outage"));
            producer.publish(BusSamples.SEQ_LIVE, new Seq(i, "outage"));
            // never waits for Redis: far below the 1 s connect timeout it would cost if it did
            assertThat(System.nanoTime() - t0).isLessThan(Duration.ofMillis(500).toNanos());
        }
        // local subscribers got everything at once, on the publishing thread
        assertThat(local.size()).isEqualTo(500);
        assertThat(localLive.size()).isEqualTo(500);
        assertThat(producer.metrics().outboxSize()).isEqualTo(500);

        redis.restart();
        assertThat(producer.flush(WAIT)).isTrue();
        assertThat(remote.await(500, WAIT).stream().map(Seq::n).toList()).isEqualTo(LongStream.rangeClosed(1, 500).boxed().toList());
        assertThat(producer.awaitState(BusConnectionState.CONNECTED, WAIT)).isTrue();
        assertThat(states).contains(BusConnectionState.DEGRADED).last().isEqualTo(BusConnectionState.CONNECTED);
        assertThat(producer.metrics().lost()).isZero();
        // transient messages are not kept through an outage: every one was dropped and counted
        assertThat(producer.metrics().transientDropped()).isEqualTo(500);
    }

    @Test
    void aBusClosedWhileRedisIsDownKeepsItsOutboxAndTheNextOneSendsIt() throws Exception {
        RedisEventBus consumer = bus("desktop", "desk-1");
        Collector<Seq> got = new Collector<>();
        consumer.subscribe(BusSamples.SEQ, got);
        redis.kill();
        RedisEventBus producer = bus("orchestrator", "server-1", "outboxCapacity=10");
        assertThat(producer.state()).isEqualTo(BusConnectionState.DEGRADED);
        publish(producer, 1, 60);
        assertThat(producer.metrics().spilled()).isEqualTo(50);
        assertThat(producer.metrics().outboxSize()).isEqualTo(60);
        producer.close();
        assertThat(tmp.resolve("outbox").resolve("orchestrator.server-1.outbox")).isNotEmptyFile();

        redis.restart();
        RedisEventBus again = bus("orchestrator", "server-1", "outboxCapacity=10");
        publish(again, 61, 70);
        assertThat(again.flush(WAIT)).isTrue();
        assertThat(got.await(70, WAIT).stream().map(Seq::n).toList()).isEqualTo(LongStream.rangeClosed(1, 70).boxed().toList());
        assertThat(again.metrics().lost()).isZero();
    }

    @Test
    void aTopicNameCannotChangeItsTypeAndAClosedBusRefusesWork() {
        RedisEventBus b = bus("orchestrator", "server-1");
        b.subscribe(BusSamples.SEQ, e -> { });
        Topic<String> clash = Topic.durable(BusSamples.SEQ.name(), String.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.publish(clash, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already used");
        b.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.publish(BusSamples.SEQ, new Seq(1, "x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResentCopyOfAMessageIsDeliveredOnce() throws Exception {
        RedisEventBus producer = bus("orchestrator", "server-1");
        RedisEventBus consumer = bus("desktop", "desk-1");
        Collector<Seq> got = new Collector<>();
        consumer.subscribe(BusSamples.SEQ, got);
        publish(producer, 1, 3);
        assertThat(got.await(3, WAIT)).hasSize(3);
        String key = producer.config().streamKey(BusSamples.SEQ.name());
        try (Jedis j = raw()) {
            // what a resend after a lost XADD reply puts in the stream: the same envelope (origin, seq) again
            String second = j.xrange(key, "-", "+").get(1).getFields().get("m");
            j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("m", second));
        }
        publish(producer, 4, 4);
        assertThat(got.await(4, WAIT)).hasSize(4);
        assertThat(Collector.eventually(WAIT, () -> consumer.metrics().duplicatesSkipped() == 1)).isTrue();
        assertThat(got.events().stream().map(Seq::n).toList()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aFailingHandlerIsCountedAndTheStreamGoesOn() throws Exception {
        RedisEventBus producer = bus("orchestrator", "server-1");
        RedisEventBus consumer = bus("desktop", "desk-1");
        Collector<Seq> got = new Collector<>();
        consumer.subscribe(BusSamples.SEQ, e -> {
            if (e.n() == 2) {
                throw new IllegalStateException("handler bug on 2");
            }
        });
        consumer.subscribe(BusSamples.SEQ, got);
        publish(producer, 1, 3);
        assertThat(got.await(3, WAIT).stream().map(Seq::n).toList()).containsExactly(1L, 2L, 3L);
        assertThat(consumer.metrics().handlerErrors()).isEqualTo(1);
        try (Jedis j = raw()) {
            String key = consumer.config().streamKey(BusSamples.SEQ.name());
            assertThat(Collector.eventually(WAIT, () -> j.xpending(key, "desktop").getTotal() == 0)).isTrue();
        }
    }

    @Test
    void theFactoryOpensARedisBusFromTheCommandLineUri() throws Exception {
        org.concord.bus.EventBus viaUri = org.concord.bus.BusFactory.fromUri(redis.uri() + "/0?group=desktop&consumer=desk-1&outbox="
                + tmp.resolve("outbox-f"));
        try {
            assertThat(viaUri).isInstanceOf(RedisEventBus.class);
            Collector<Seq> got = new Collector<>();
            viaUri.subscribe(BusSamples.SEQ, got);
            bus("orchestrator", "server-1").publish(BusSamples.SEQ, new Seq(1, "via uri"));
            assertThat(got.await(1, WAIT)).containsExactly(new Seq(1, "via uri"));
        } finally {
            viaUri.close();
        }
    }

    private static void publish(RedisEventBus bus, long from, long to) {
        for (long i = from; i <= to; i++) {
            bus.publish(BusSamples.SEQ, new Seq(i, "n" + i));
        }
    }

    private static List<Long> seqsOf(List<StreamEntry> entries) throws Exception {
        List<Long> out = new ArrayList<>();
        for (StreamEntry e : entries) {
            out.add(Envelope.MAPPER.readTree(e.getFields().get("m")).get("payload").get("n").asLong());
        }
        return out;
    }
}
