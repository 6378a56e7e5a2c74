package org.concord.app.session;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionOptionsTest {
    @Test
    void parsesTheDesktopOptions() {
        SessionOptions o = SessionOptions.parse(new String[] {"--bus", "redis://127.0.0.1:6390?group=desk", "--data-dir=/tmp/x",
                "--preset", "minimal", "--speed", "max", "--no-replay"}, Path.of("/home"));
        assertThat(o.remote()).isTrue();
        assertThat(o.busUri()).isEqualTo("redis://127.0.0.1:6390?group=desk");
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.preset()).isEqualTo("minimal");
        assertThat(o.replaySpeed()).isInfinite();
        assertThat(o.startFeed()).isFalse();
        SessionOptions d = SessionOptions.parse(new String[0], Path.of("/home"));
        assertThat(d.remote()).isFalse();
        assertThat(d.dataDir()).isEqualTo(Path.of("/home"));
    }

    @Test
    void refusesUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> SessionOptions.parse(new String[] {"--bsu", "x"}, Path.of("/h")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown desktop option '--bsu'");
        assertThatThrownBy(() -> SessionOptions.parse(new String[] {"--bus"}, Path.of("/h")))
                .hasMessageContaining("--bus needs a value");
        assertThatThrownBy(() -> SessionOptions.parse(new String[] {"--speed", "0"}, Path.of("/h")))
                .hasMessageContaining("speed must be > 0");
    }
}
