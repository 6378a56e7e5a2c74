package org.concord.app.cli;

import org.concord.orchestrator.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code concord <subcommand> [options]}. It uses exactly the same core code as the
 * GUI (a {@link org.concord.engine.ConcordRuntime}). Exit codes: 0 success (also {@code serve} stopped by SIGTERM/SIGINT),
 * 1 failure at run time, 2 bad usage (an unknown option, or a configuration file with an unknown key or a bad value).
 */
@Command(name = "concord", mixinStandardHelpOptions = true, versionProvider = ConcordCli.Version.class,
        description = "Concord trading workstation — headless commands. Without a subcommand the desktop window opens.",
        subcommands = {ReplayCommand.class, ExportCommand.class, ImportCommand.class, ServeCommand.class, BenchCommand.class, BacktestCommand.class,
                TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class ConcordCli implements Runnable {
    public static final String VERSION = "0.1.0-SNAPSHOT";

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the CLI and returns its exit code (does not call System.exit). */
    public static int execute(String... args) {
        return new CommandLine(new ConcordCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // one clear line for the user; the stack trace only with -Dconcord.debug=true
                    cmd.getErr().println("concord " + cmd.getCommandName() + ": " + e.getMessage());
                    if (Boolean.getBoolean("concord.debug")) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return e instanceof ConfigException ? 2 : 1; // a bad configuration file is bad usage, found before anything ran
                })
                .execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Version string printed by {@code --version}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Concord " + VERSION + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
