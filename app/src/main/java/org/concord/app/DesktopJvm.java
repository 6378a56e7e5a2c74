package org.concord.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The desk's own JVM settings. {@code java -jar concord.jar} gives the JVM a quarter of the machine's memory and the
 * throughput collector defaults, and a workstation left open all day then grew past a gigabyte of memory with a live
 * set of about 60 MB. When the desk is started without heap settings of the user's, the launcher starts it once more
 * in a child JVM with {@link #FLAGS} (a bounded heap and the serial collector: a desk's pauses are a few
 * milliseconds on a small heap), passes the user's own JVM options and arguments along, and waits for it: the exit
 * code, the terminal and a SIGTERM/SIGINT (forwarded as a polite stop) behave as if there were one process.
 * {@code -Dconcord.relaunch=false}, or any {@code -Xmx}/{@code -XX:MaxRAM…} of the user's, keeps the one JVM.
 */
final class DesktopJvm {
    /** Set in the child so it never starts another. */
    static final String CHILD = "concord.desktop.child";
    // MinHeapFreeRatio/MaxHeapFreeRatio: the serial collector gives memory back after a training job's burst
    static final List<String> FLAGS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:ReservedCodeCacheSize=96m", "-Xss1m");

    /**
     * The child's environment: glibc keeps up to 8 malloc arenas per core for the native threads (PyTorch, GTK,
     * SQLite), each holding freed memory; two are enough for a desk and save about a hundred megabytes resident.
     * A value of the user's wins.
     */
    static void prepare(Map<String, String> env) {
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
    }

    private DesktopJvm() {
    }

    /** True when this JVM should hand the desk to a child JVM with the desk's settings. */
    static boolean shouldRelaunch(List<String> jvmArgs) {
        if (Boolean.getBoolean(CHILD) || "false".equals(System.getProperty("concord.relaunch"))) {
            return false;
        }
        return jvmArgs.stream().noneMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM") || a.startsWith("-XX:MaxHeapSize"));
    }

    /** The child's command line: the desk's flags first, then the user's JVM options (they win), then the desk's arguments. */
    static List<String> command(String java, String classPath, List<String> jvmArgs, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(FLAGS);
        cmd.addAll(jvmArgs);
        cmd.add("-D" + CHILD + "=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs the desk in a child JVM and returns its exit code; null when the child could not be started. */
    static Integer runChild(String[] args) {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(command(java, System.getProperty("java.class.path"), jvmArgs, args)).inheritIO();
        prepare(pb.environment());
        Process child;
        try {
            child = pb.start();
        } catch (Exception e) {
            System.err.println("concord: could not start the desk's JVM (" + e.getMessage() + "); running in this one");
            return null;
        }
        Thread stop = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy(); // SIGTERM: the desk closes its session and saves its state
                try {
                    if (!child.waitFor(30, TimeUnit.SECONDS)) {
                        child.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "concord-desktop-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
