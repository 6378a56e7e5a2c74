package org.concord.app.shell;

import javafx.scene.input.KeyCombination;

import java.util.List;

/** The keyboard shortcuts, in one list: installed on the scene and shown by the help dialog (F1). */
public final class Shortcuts {
    /** One shortcut: key, what it does, and the action id the window maps it to. */
    public record Shortcut(String keys, String description, String action) {
        public KeyCombination combination() {
            return KeyCombination.keyCombination(keys);
        }
    }

    public static final List<Shortcut> ALL = List.of(
            new Shortcut("Shortcut+1", "Live view", "tab:live"),
            new Shortcut("Shortcut+2", "Module status panel", "tab:modules"),
            new Shortcut("Shortcut+3", "Training panel", "tab:training"),
            new Shortcut("Shortcut+4", "Portfolio and risk panel", "tab:portfolio"),
            new Shortcut("Shortcut+5", "Annotation workspace", "tab:annotate"),
            new Shortcut("Shortcut+6", "Backtest view", "tab:backtest"),
            new Shortcut("Space", "Replay: play / pause", "feed:toggle"),
            new Shortcut("Shortcut+Up", "Replay: faster", "feed:faster"),
            new Shortcut("Shortcut+Down", "Replay: slower", "feed:slower"),
            new Shortcut("F", "Chart: follow the newest bars (reset zoom)", "chart:follow"),
            new Shortcut("Shortcut+T", "Training: train now", "train:now"),
            new Shortcut("Shortcut+B", "Order ticket: buy limit at the last price", "ticket:buy"),
            new Shortcut("Shortcut+S", "Order ticket: sell limit at the last price", "ticket:sell"),
            new Shortcut("Shortcut+L", "Trading: switch to LIVE (keys and confirmation asked)", "trading:live"),
            new Shortcut("Shortcut+D", "Switch dark / light theme", "theme:toggle"),
            new Shortcut("F1", "This list of shortcuts", "help"),
            new Shortcut("Shortcut+Q", "Quit", "quit"));

    private Shortcuts() {
    }
}
