package org.concord.testkit.redis;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests: its own process on a free 127.0.0.1 port, data in a given directory,
 * AOF on with {@code appendfsync always} (so whatever Redis acknowledged survives a kill), no RDB snapshots.
 * It can be killed (SIGKILL) and started again on the same port and directory. Tests that need it call
 * {@link #assumeAvailable()} first: without the binary (Debian package {@code redis-server}) they are skipped
 * with a clear message.
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final List<String> PLACES = List.of("/usr/bin/redis-server", "/usr/sbin/redis-server",
            "/usr/local/bin/redis-server");

    private final Path binary;
    private final Path dir;
    private final int port;
    private final List<String> extraArgs;
    private Process process;

    private RedisServerProcess(Path binary, Path dir, int port, List<String> extraArgs) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** The redis-server binary: {@code $CONCORD_REDIS_SERVER}, then PATH, then the usual places. */
    public static Optional<Path> binary() {
        String env = System.getenv("CONCORD_REDIS_SERVER");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        String path = System.getenv("PATH");
        List<String> candidates = new ArrayList<>();
        if (path != null) {
            for (String p : path.split(java.io.File.pathSeparator)) {
                candidates.add(p + "/redis-server");
            }
        }
        candidates.addAll(PLACES);
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Skips the calling test (JUnit assumption) with a clear message when redis-server is not installed. */
    public static void assumeAvailable() {
        // CI sets CONCORD_REDIS=required: there a missing server fails the tests instead of skipping them unseen
        if ("required".equals(System.getenv("CONCORD_REDIS")) && binary().isEmpty()) {
            throw new AssertionError("redis-server not found but CONCORD_REDIS=required (Debian package redis-server)");
        }
        Assumptions.assumeTrue(binary().isPresent(),
                "redis-server not found (Debian package redis-server; .ci/run installs it): Redis bus tests skipped");
    }

    /** Starts a server on a free port with its data in {@code dir}. */
    public static RedisServerProcess start(Path dir) {
        return start(dir, freePort());
    }

    /**
     * Starts a server on {@code port}; {@code extraArgs} are appended to the command line and override the
     * defaults (e.g. {@code "--appendfsync", "everysec"}).
     */
    public static RedisServerProcess start(Path dir, int port, String... extraArgs) {
        Path bin = binary().orElseThrow(() -> new IllegalStateException("redis-server not installed"));
        RedisServerProcess r = new RedisServerProcess(bin, dir, port, List.of(extraArgs));
        r.startProcess();
        return r;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** {@code redis://127.0.0.1:<port>} */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown save, no goodbye to clients; only what reached the AOF survives. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            process = null;
        }
    }

    /** Starts the server again on the same port and directory (it reloads its AOF). */
    public synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException("redis-server on port " + port + " is still running");
        }
        startProcess();
    }

    /** Runs a command through a throwaway RESP connection and returns the raw first reply line. */
    public String command(String... args) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            s.setSoTimeout(2_000);
            StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("redis command " + String.join(" ", args) + " on port " + port, e);
        }
    }

    @Override
    public synchronized void close() {
        kill();
    }

    private synchronized void startProcess() {
        try {
            Files.createDirectories(dir);
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", "always",
                    "--daemonize", "no", "--logfile", dir.resolve("redis.log").toString()));
            cmd.addAll(extraArgs);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("redis.out").toFile());
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + ": " + logTail());
            }
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting redis-server", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING in 15 s: " + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("redis.log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\r') {
            sb.append((char) c);
        }
        return sb.toString();
    }
}
