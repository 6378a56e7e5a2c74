package org.concord.bus.redis;

/**
 * Which of the last {@code size} sequence numbers of one (topic, origin) were already delivered. A resend after
 * a lost XADD reply repeats at most one sender batch, so a window far larger than a batch catches every copy;
 * a number older than the window is delivered (at-least-once rather than a wrong drop, e.g. for entries
 * claimed from a dead consumer of the group).
 */
final class SeenWindow {
    private final boolean[] seen;
    private long max;

    SeenWindow(int size) {
        seen = new boolean[size];
    }

    /** True the first time {@code seq} is offered; false for a copy inside the window. */
    boolean firstTime(long seq) {
        int w = seen.length;
        if (seq > max) {
            for (long s = Math.max(max + 1, seq - w + 1); s <= seq; s++) {
                seen[slot(s)] = false;
            }
            max = seq;
            seen[slot(seq)] = true;
            return true;
        }
        if (seq <= max - w) {
            return true;
        }
        int i = slot(seq);
        if (seen[i]) {
            return false;
        }
        seen[i] = true;
        return true;
    }

    private int slot(long s) {
        return (int) Math.floorMod(s, (long) seen.length);
    }
}
