package org.concord.app;

import javafx.application.Application;

/**
 * Plain entry point (not an {@link Application} subclass, so the shaded jar starts on the classpath). With no
 * arguments it opens the workstation window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ConcordApp.class, args);
    }
}
