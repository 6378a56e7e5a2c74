package org.concord.engine;

import java.util.Locale;

/**
 * Whether the orchestrator trades, and with which money (the desk's bot switch).
 * <ul>
 *   <li>{@link #OFF}: decisions are made and shown (chart markers, module panel), no order is sent.</li>
 *   <li>{@link #PAPER}: the orchestrator trades its own paper account, apart from the person's.</li>
 *   <li>{@link #LIVE}: the orchestrator trades the connected venue account (real or testnet money); only while a
 *       venue is connected, and the desk asks for a confirmation first.</li>
 * </ul>
 * A new data directory starts OFF.
 */
public enum BotMode {
    OFF, PAPER, LIVE;

    /** True when the orchestrator's orders are sent. */
    public boolean trades() {
        return this != OFF;
    }

    /** "off", "paper" or "live" (any case) → the mode. */
    public static BotMode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("bot mode is required (off, paper or live)");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown bot mode '" + text + "' (off, paper or live)");
        }
    }

    /** "Off", "Paper", "Live". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
