package org.concord.bus.redis;

import org.concord.bus.BusFactory;
import org.concord.bus.InProcessEventBus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisBusConfigTest {

    @Test
    void parsesEveryPartOfTheUri() {
        RedisBusConfig c = RedisBusConfig.fromUri("redis://bob:s%3Acret@10.1.2.3:6380/2?group=orchestrator&consumer=srv-1"
                + "&prefix=prod:&maxlen=5000&start=earliest&outbox=/var/tmp/ob&outboxCapacity=77&block=50&claimIdle=9000");
        assertThat(c.host()).isEqualTo("10.1.2.3");
        assertThat(c.port()).isEqualTo(6380);
        assertThat(c.database()).isEqualTo(2);
        assertThat(c.user()).isEqualTo("bob");
        assertThat(c.password()).isEqualTo("s:cret");
        assertThat(c.group()).isEqualTo("orchestrator");
        assertThat(c.consumer()).isEqualTo("srv-1");
        assertThat(c.keyPrefix()).isEqualTo("prod:");
        assertThat(c.streamMaxLen()).isEqualTo(5000);
        assertThat(c.startFromEarliest()).isTrue();
        assertThat(c.outboxDir()).isEqualTo(Path.of("/var/tmp/ob"));
        assertThat(c.outboxCapacity()).isEqualTo(77);
        assertThat(c.blockMillis()).isEqualTo(50);
        assertThat(c.claimIdleMillis()).isEqualTo(9000);
        assertThat(c.streamKey("orchestrator.decision")).isEqualTo("prod:s:orchestrator.decision");
        assertThat(c.deadLetterKey("orchestrator.decision")).isEqualTo("prod:s:orchestrator.decision:dead");
        assertThat(c.channel("market.tick")).isEqualTo("prod:c:market.tick");
        assertThat(c.toString()).doesNotContain("cret");
    }

    @Test
    void defaultsAreSensible() {
        RedisBusConfig c = RedisBusConfig.fromUri("redis://localhost?outbox=none");
        assertThat(c.port()).isEqualTo(6379);
        assertThat(c.database()).isZero();
        assertThat(c.group()).isEqualTo("concord");
        assertThat(c.consumer()).isNotBlank();
        assertThat(c.keyPrefix()).isEqualTo("concord:");
        assertThat(c.outboxDir()).isNull();
        assertThat(c.startFromEarliest()).isFalse();
    }

    @Test
    void theOutboxLivesInTheGivenDataDirectory(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path a = dir.resolve("server-a");
        Path b = dir.resolve("server-b");
        String uri = "redis://localhost?group=server&consumer=srv1";
        assertThat(RedisBusConfig.fromUri(uri, a).outboxDir()).isEqualTo(a.resolve("bus-outbox"));
        assertThat(RedisBusConfig.fromUri(uri, b).outboxDir()).as("two data dirs, two spill files").isEqualTo(b.resolve("bus-outbox"));
        assertThat(RedisBusConfig.fromUri(uri + "&outbox=spill", a).outboxDir()).as("relative: inside the data dir").isEqualTo(a.resolve("spill"));
        assertThat(RedisBusConfig.fromUri(uri + "&outbox=/var/tmp/ob", a).outboxDir()).isEqualTo(Path.of("/var/tmp/ob"));
    }

    @Test
    void badUrisFailWithAClearMessage() {
        assertThatThrownBy(() -> RedisBusConfig.fromUri("http://x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisBusConfig.fromUri("redis://x?grup=a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grup");
        assertThatThrownBy(() -> RedisBusConfig.fromUri("redis://x/abc")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
        assertThatThrownBy(() -> RedisBusConfig.fromUri("redis://x?group=a%20b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
        assertThatThrownBy(() -> RedisBusConfig.fromUri("redis://x?maxlen=lots")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxlen");
        assertThatThrownBy(() -> RedisBusConfig.fromUri("redis://x?maxlen=0")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxlen");
        assertThatThrownBy(() -> RedisBusConfig.fromUri("redis://x?start=middle")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start");
    }

    @Test
    void theFactoryOpensTheNamedBus() {
        assertThat(BusFactory.fromUri("inproc:")).isInstanceOf(InProcessEventBus.class);
        assertThatThrownBy(() -> BusFactory.fromUri("kafka://x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inproc:");
        assertThatThrownBy(() -> BusFactory.fromUri(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
