package org.concord.app;

import javafx.application.Application;

/**
 * Plain entry point (not an {@link Application} subclass, so the shaded jar starts on the classpath). With no
 * arguments it opens the workstation window; with a subcommand (or --help/--version) it runs the headless CLI.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("--bus")) {
            System.exit(org.concord.app.cli.ConcordCli.execute(args));
        }
        Application.launch(ConcordApp.class, args);
    }
}
