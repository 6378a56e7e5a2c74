package org.concord.acceptance;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged desk as a person runs it ({@code java -jar concord.jar}, README command 1) on a virtual display,
 * driven with OS-level input only: xdotool moves the real pointer and presses real keys (XTEST), ImageMagick
 * reads the screen. The desk's scene probe says where controls are and which text is rendered; nothing here
 * calls into the app.
 */
final class Desk implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VirtualDisplay display;
    private final Path dataDir;
    private final Path probeDir;
    private final Path log;
    private final Process process;
    private final long startedNanos;
    private int asks;

    private Desk(VirtualDisplay display, Path dataDir, Path probeDir, Path log, Process process, long startedNanos) {
        this.display = display;
        this.dataDir = dataDir;
        this.probeDir = probeDir;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts the jar on {@code display} with data dir {@code dataDir}; output goes to {@code work/desk-N.log}. */
    static Desk start(VirtualDisplay display, Path jar, Path dataDir, Path work, String runName) throws IOException {
        Files.createDirectories(dataDir);
        Path probe = Files.createDirectories(work.resolve("probe-" + runName));
        try (var s = Files.list(probe)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Path log = work.resolve("desk-" + runName + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-D" + "concord.probe=" + probe.toAbsolutePath(), "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display.name());
        pb.environment().put("CONCORD_DATA_DIR", dataDir.toAbsolutePath().toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        long t0 = System.nanoTime();
        return new Desk(display, dataDir, probe, log, pb.start(), t0);
    }

    VirtualDisplay display() {
        return display;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The process started (the launcher, which runs the desk in a child JVM with the desk's settings). */
    long pid() {
        return process.pid();
    }

    /** The JVM that runs the desk: the launcher's child when it relaunched, else the launcher itself. */
    long deskPid() {
        return process.toHandle().descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    boolean alive() {
        return process.isAlive();
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    // ------------------------------------------------------------------ what is on screen

    /** Asks the desk's scene probe what is showing now (waits for the answer; the FX thread may be busy). */
    SceneView scene() throws IOException, InterruptedException {
        int n = ++asks;
        Path answer = probeDir.resolve("scene-" + n + ".json");
        Files.writeString(probeDir.resolve("ask-" + n), "");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(answer)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the desk exited (" + process.exitValue() + ") while the suite waited for its scene");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the scene probe did not answer within 120 s");
            }
            Thread.sleep(40);
        }
        SceneView v = JSON.readValue(answer.toFile(), SceneView.class);
        Files.deleteIfExists(answer);
        if (v.error() != null) {
            throw new IllegalStateException("scene probe: " + v.error());
        }
        return v;
    }

    /** Waits (bounded, polling) until the scene satisfies {@code ok}; returns that scene. */
    SceneView await(String what, long timeoutSeconds, Predicate<SceneView> ok) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        SceneView last = null;
        while (System.nanoTime() < deadline) {
            last = scene();
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited " + timeoutSeconds + " s for: " + what + " (" + failureShot(what) + ")");
    }

    /** The screen at a failed wait, saved beside the probe's folder: what the person would have seen. */
    private String failureShot(String what) {
        Path png = probeDir.resolveSibling("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
        try {
            ImageIO.write(screen(), "png", png.toFile());
            return "screen: " + png;
        } catch (IOException | RuntimeException e) {
            return "no screenshot: " + e.getMessage();
        }
    }

    /** Waits (bounded, polling) until {@code ok} holds for a fresh screenshot. */
    BufferedImage awaitPixels(String what, long timeoutSeconds, Predicate<BufferedImage> ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            BufferedImage img = screen();
            if (ok.test(img)) {
                return img;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited " + timeoutSeconds + " s for: " + what + " (" + failureShot(what) + ")");
    }

    /** The whole screen as the X server has it (ImageMagick import of the root window). */
    BufferedImage screen() {
        try {
            ProcessBuilder pb = new ProcessBuilder("import", "-silent", "-window", "root", "png:-");
            pb.environment().put("DISPLAY", display.name());
            Process p = pb.start();
            byte[] png = p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) {
                throw new IllegalStateException("import gave no image (" + png.length + " bytes)");
            }
            return img;
        } catch (IOException e) {
            throw new IllegalStateException("screenshot failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ real input (XTEST)

    void click(int x, int y) {
        xdo("mousemove", "--sync", Integer.toString(x), Integer.toString(y), "click", "1");
    }

    void click(SceneView.Item item) {
        click(item.rect().cx(), item.rect().cy());
    }

    void rightClick(int x, int y) {
        xdo("mousemove", "--sync", Integer.toString(x), Integer.toString(y), "click", "3");
    }

    void move(int x, int y) {
        xdo("mousemove", "--sync", Integer.toString(x), Integer.toString(y));
    }

    /** Presses the left button at (x0, y0), moves in steps to (x1, y1) and releases there. */
    void drag(int x0, int y0, int x1, int y1) throws InterruptedException {
        xdo("mousemove", "--sync", Integer.toString(x0), Integer.toString(y0), "mousedown", "1");
        int steps = 12;
        for (int i = 1; i <= steps; i++) {
            xdo("mousemove", "--sync", Integer.toString(x0 + (x1 - x0) * i / steps), Integer.toString(y0 + (y1 - y0) * i / steps));
            Thread.sleep(30);
        }
        xdo("mouseup", "1");
    }

    void wheel(int x, int y, boolean up, int clicks) {
        xdo("mousemove", "--sync", Integer.toString(x), Integer.toString(y), "click", "--repeat", Integer.toString(clicks), up ? "4" : "5");
    }

    /** Presses keys as xdotool names them ("a", "F1", "ctrl+b", "alt+Down", "Escape"). */
    void key(String... keys) {
        List<String> cmd = new ArrayList<>(List.of("key", "--delay", "60"));
        cmd.addAll(List.of(keys));
        xdo(cmd.toArray(String[]::new));
    }

    void type(String text) {
        xdo("type", "--delay", "40", text);
    }

    /** Resizes and moves the desk's main window like a window manager would (there is none under bare Xvfb). */
    void placeWindow(int x, int y, int w, int h) {
        String id = windowId().orElseThrow(() -> new IllegalStateException("no Concord window to place"));
        xdo("windowsize", "--sync", id, Integer.toString(w), Integer.toString(h));
        xdo("windowmove", "--sync", id, Integer.toString(x), Integer.toString(y));
    }

    Optional<String> windowId() {
        try {
            String out = Tools.run(List.of("xdotool", "search", "--onlyvisible", "--name", "^Concord — (local|remote)"), display.name(), 20);
            return out.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b);
        } catch (IllegalStateException e) {
            return Optional.empty(); // xdotool search exits 1 when nothing matches
        }
    }

    private void xdo(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("xdotool");
        cmd.addAll(List.of(args));
        Tools.run(cmd, display.name(), 30);
    }

    // ------------------------------------------------------------------ end

    /** Quits like a person (Ctrl+Q) and waits for the process to end; kills it when it does not within the bound. */
    int quit() throws InterruptedException {
        if (process.isAlive()) {
            try {
                key("ctrl+q");
            } catch (IllegalStateException ignored) {
                // no window to send to: destroy below
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
