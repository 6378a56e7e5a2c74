package org.concord.bus.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {
    @TempDir
    Path dir;

    private static Pending msg(int i) {
        return new Pending("concord:s:test.seq", "{\"v\":1,\"seq\":" + i + ",\"payload\":{\"note\":\"tab\\tand\\nnewline é\"}}");
    }

    private static List<Pending> drain(Outbox o, int batch) {
        List<Pending> out = new ArrayList<>();
        while (true) {
            List<Pending> b = o.peek(batch);
            if (b.isEmpty()) {
                return out;
            }
            out.addAll(b);
            o.remove(b.size());
        }
    }

    @Test
    void overflowSpillsToTheFileAndEverythingComesBackInOrder() {
        BusCounters c = new BusCounters();
        try (Outbox o = new Outbox(dir, "g.c", 5, c)) {
            List<Pending> want = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                o.add(msg(i));
                want.add(msg(i));
                if (i == 20) {
                    // a partial drain while spilling: later adds must still queue behind the file
                    List<Pending> first = o.peek(3);
                    o.remove(3);
                    assertThat(first).isEqualTo(want.subList(0, 3));
                    want = new ArrayList<>(want.subList(3, want.size()));
                }
            }
            assertThat(c.spilled.get()).isEqualTo(35);
            assertThat(o.size()).isEqualTo(37);
            assertThat(drain(o, 4)).isEqualTo(want);
            assertThat(o.size()).isZero();
            o.add(msg(99));
            assertThat(o.peek(10)).containsExactly(msg(99));
        }
        assertThat(c.lost.get()).isZero();
    }

    @Test
    void closeKeepsMemoryAheadOfTheFileForTheNextOutbox() {
        BusCounters c = new BusCounters();
        Outbox o = new Outbox(dir, "g.c", 3, c);
        for (int i = 1; i <= 10; i++) {
            o.add(msg(i));
        }
        o.peek(2);
        o.remove(1); // 1 reached Redis
        o.close();
        try (Outbox next = new Outbox(dir, "g.c", 3, new BusCounters())) {
            assertThat(next.size()).isEqualTo(9);
            List<Integer> seqs = drain(next, 2).stream().map(p -> Integer.parseInt(p.json().replaceAll(".*\"seq\":(\\d+).*", "$1"))).toList();
            assertThat(seqs).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
        assertThat(dir.resolve("g.c.outbox")).doesNotExist();
    }

    @Test
    void aTornLastLineFromACrashIsCutOff() throws Exception {
        Files.writeString(dir.resolve("g.c.outbox"), "k\t{\"seq\":1}\nk\t{\"seq\":2}\nk\t{\"se", StandardOpenOption.CREATE_NEW);
        try (Outbox o = new Outbox(dir, "g.c", 10, new BusCounters())) {
            assertThat(drain(o, 10)).containsExactly(new Pending("k", "{\"seq\":1}"), new Pending("k", "{\"seq\":2}"));
        }
    }

    @Test
    void twoBusesCannotShareOneOutbox() {
        try (Outbox o = new Outbox(dir, "g.c", 10, new BusCounters())) {
            assertThatThrownBy(() -> new Outbox(dir, "g.c", 10, new BusCounters())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void withoutASpillDirectoryAnOverflowIsCountedAsLost() {
        BusCounters c = new BusCounters();
        try (Outbox o = new Outbox(null, "g.c", 2, c)) {
            for (int i = 1; i <= 5; i++) {
                o.add(msg(i));
            }
            assertThat(c.lost.get()).isEqualTo(3);
            assertThat(drain(o, 10)).containsExactly(msg(1), msg(2));
        }
    }
}
