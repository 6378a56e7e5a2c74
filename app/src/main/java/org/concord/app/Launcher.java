package org.concord.app;

import javafx.application.Application;

/**
 * Plain entry point (not an {@link Application} subclass, so the shaded jar starts on the classpath). With no
 * arguments, or only desktop options ({@code --bus}, {@code --data-dir}, {@code --preset}, {@code --speed},
 * {@code --no-replay}), it opens the workstation window; with a subcommand (or --help/--version) it runs the
 * headless CLI.
 */
public final class Launcher {
    private static final java.util.Set<String> DESKTOP = java.util.Set.of("--bus", "--data-dir", "--preset", "--speed", "--no-replay");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (!"1".equals(System.getenv("OMP_NUM_THREADS")) && System.getProperty("concord.relaunched") == null) {
            System.exit(relaunch(args));
        }
        if (args.length > 0 && !DESKTOP.contains(args[0].contains("=") ? args[0].substring(0, args[0].indexOf('=')) : args[0])) {
            System.exit(org.concord.app.cli.ConcordCli.execute(args));
        }
        Application.launch(ConcordApp.class, args);
    }

    /**
     * Runs this JVM's command again with {@code OMP_NUM_THREADS=1}: PyTorch's OpenMP pool is sized from it when the
     * native library loads, and with more than one OpenMP thread training turned NaN at random here (see
     * {@code DjlNet.configureEngineThreads}). Same JVM options, classpath and arguments; the child's exit code is ours.
     */
    private static int relaunch(String[] args) {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-Dconcord.relaunched=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("OMP_NUM_THREADS", "1");
        try {
            return pb.start().waitFor();
        } catch (java.io.IOException e) {
            System.err.println("concord: cannot restart with OMP_NUM_THREADS=1 (" + e.getMessage() + "); set it yourself");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
