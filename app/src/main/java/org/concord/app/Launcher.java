package org.concord.app;

import javafx.application.Application;
import org.concord.app.cli.ConcordCli;

import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * Plain entry point (not an {@link Application} subclass, so the shaded jar starts on the classpath). With no
 * arguments, or only desktop options ({@code --bus}, {@code --data-dir}, {@code --preset}, {@code --speed},
 * {@code --no-replay}), it opens the workstation window (in a JVM with the desk's settings, see {@link DesktopJvm});
 * with a subcommand (or --help/--version) it runs the headless CLI.
 */
public final class Launcher {
    private static final Set<String> DESKTOP = Set.of("--bus", "--data-dir", "--preset", "--speed", "--no-replay");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !DESKTOP.contains(args[0].contains("=") ? args[0].substring(0, args[0].indexOf('=')) : args[0])) {
            System.exit(ConcordCli.execute(args));
        }
        if (DesktopJvm.shouldRelaunch(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            Integer rc = DesktopJvm.runChild(args);
            if (rc != null) {
                System.exit(rc);
            }
        }
        Application.launch(ConcordApp.class, args);
    }
}
