package org.concord.app.cli;

import org.concord.app.Launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code concord serve} as a real child process of the packaged classes ({@link Launcher} on this test's class
 * path), its output collected line by line, stopped with a real SIGTERM.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern DECISIONS = Pattern.compile("decisions (\\d+)");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ServeProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e + ")");
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code concord serve <args>} and waits until it says it is serving. */
    static ServeProcess start(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "serve"));
        cmd.addAll(List.of(args));
        ServeProcess p = new ServeProcess(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start());
        p.awaitLine(l -> l.startsWith("serving on"), Duration.ofSeconds(40));
        return p;
    }

    /** Waits for an output line matching {@code what}; fails with the output so far. */
    String awaitLine(Predicate<String> what, Duration timeout) {
        return awaitLine(0, what, timeout);
    }

    /** Waits for an output line matching {@code what} after the first {@code from} lines ({@link #lineCount}). */
    String awaitLine(int from, Predicate<String> what, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (int i = from; i < lines.size(); i++) { // the list only grows
                if (what.test(lines.get(i))) {
                    return lines.get(i);
                }
            }
            if (!process.isAlive()) {
                break;
            }
            sleep(20);
        }
        throw new AssertionError("serve did not print the expected line within " + timeout.toSeconds() + " s (alive: " + process.isAlive()
                + "); output:\n" + String.join("\n", lines));
    }

    /** Waits until a status line reports {@code n} decisions. */
    void awaitDecisions(long n, Duration timeout) {
        awaitLine(l -> decisions(l) == n, timeout);
    }

    /** Sends SIGTERM and waits for the exit; returns the exit code. */
    int sigterm(Duration timeout) throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM on Linux (Process.destroy() would also close our end of its output)
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not exit within " + timeout.toSeconds() + " s of SIGTERM; output:\n" + String.join("\n", lines));
        }
        awaitOutputClosed();
        return process.exitValue();
    }

    /** Sends SIGINT (as Ctrl+C in a terminal does) and waits for the exit; returns the exit code. */
    int sigint(Duration timeout) throws InterruptedException, IOException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not exit within " + timeout.toSeconds() + " s of SIGINT; output:\n" + String.join("\n", lines));
        }
        awaitOutputClosed();
        return process.exitValue();
    }

    /** The process exited: its output ends, and the reader takes the last lines up to that end. */
    private void awaitOutputClosed() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(30));
        if (reader.isAlive()) {
            throw new AssertionError("serve exited but its output did not close within 30 s; output:\n" + String.join("\n", lines));
        }
    }

    /** How many lines serve printed so far. */
    int lineCount() {
        return lines.size();
    }

    /** The decisions the summary line reports. */
    long summaryDecisions() {
        return decisions(summary());
    }

    /** The "stopped cleanly ..." line. */
    String summary() {
        return lines.stream().filter(l -> l.startsWith("stopped cleanly")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line; output:\n" + String.join("\n", lines)));
    }

    String output() {
        return String.join("\n", lines);
    }

    private static long decisions(String line) {
        Matcher m = DECISIONS.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
