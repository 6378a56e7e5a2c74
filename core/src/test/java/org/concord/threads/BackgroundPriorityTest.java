package org.concord.threads;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Background threads give way to the rest at the OS level (Linux: nice 19); ordinary daemons keep their priority. */
class BackgroundPriorityTest {
    private static final Path STAT = Path.of("/proc/thread-self/stat");

    /** The calling thread's nice value (field 19 of its stat line; the command name before it may hold spaces). */
    private static int ownNice() throws IOException {
        String stat = Files.readString(STAT);
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[19 - 3]);
    }

    private static int niceOn(ExecutorService ex) throws Exception {
        try {
            return ex.submit(BackgroundPriorityTest::ownNice).get(30, TimeUnit.SECONDS);
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void aBackgroundThreadRunsAtTheLowestPriorityAndAPlainDaemonDoesNot() throws Exception {
        assumeTrue(Files.exists(STAT), "Linux only: elsewhere background threads keep the normal priority");
        int mine = ownNice();
        assertThat(niceOn(Executors.newSingleThreadExecutor(Daemons.background("test-background")))).isEqualTo(BackgroundPriority.NICE);
        assertThat(niceOn(Executors.newSingleThreadExecutor(Daemons.named("test-plain")))).isEqualTo(mine);
        assertThat(ownNice()).as("the caller is not changed").isEqualTo(mine);
    }
}
