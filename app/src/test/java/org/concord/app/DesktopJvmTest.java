package org.concord.app;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopJvmTest {
    @Test
    void aDeskWithoutHeapSettingsRunsInABoundedJvmAndTheUsersOptionsWin() {
        assertThat(DesktopJvm.shouldRelaunch(List.of("-Dconcord.probe=/tmp/p"))).isTrue();
        assertThat(DesktopJvm.shouldRelaunch(List.of("-Xmx2g"))).as("the user's own heap setting is kept").isFalse();
        assertThat(DesktopJvm.shouldRelaunch(List.of("-XX:MaxRAMPercentage=50"))).isFalse();
        List<String> cmd = DesktopJvm.command("/jdk/bin/java", "concord.jar", List.of("-Dconcord.probe=/tmp/p", "-Xss2m"),
                new String[] {"--data-dir", "/d"});
        assertThat(cmd).startsWith("/jdk/bin/java").contains("-Xmx512m", "-XX:+UseSerialGC", "-Dconcord.probe=/tmp/p")
                .endsWith(Launcher.class.getName(), "--data-dir", "/d");
        // the user's options come after the desk's, so a user's -Xss2m (or anything else) wins
        assertThat(cmd.indexOf("-Xss2m")).isGreaterThan(cmd.indexOf("-Xss1m"));
        assertThat(cmd).contains("-D" + DesktopJvm.CHILD + "=true");
    }

    @Test
    void theDesksJvmKeepsFewMallocArenasUnlessTheUserSetThem() {
        Map<String, String> env = new HashMap<>();
        DesktopJvm.prepare(env);
        assertThat(env).containsEntry("MALLOC_ARENA_MAX", "2");
        Map<String, String> users = new HashMap<>(Map.of("MALLOC_ARENA_MAX", "4"));
        DesktopJvm.prepare(users);
        assertThat(users).containsEntry("MALLOC_ARENA_MAX", "4");
    }
}
