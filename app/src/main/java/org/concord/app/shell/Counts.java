package org.concord.app.shell;

import java.util.Locale;

/** A count with its noun in the number it needs: "1 open position", "2 open positions" (the desk read "1 open positions"). */
public final class Counts {
    private Counts() {
    }

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is one. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and {@code one} or {@code many} (for a plural that is not the noun and an "s"). */
    public static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
