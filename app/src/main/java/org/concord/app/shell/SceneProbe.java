package org.concord.app.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.concord.threads.Daemons;
import org.controlsfx.control.ToggleSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What is on screen, written down for the real-display acceptance suite: started only when the system property
 * {@code concord.probe} names a directory. The suite drives the desk with OS-level input (xdotool) and judges
 * pixels from screenshots; to know where a control is and which text a person reads, it drops a file
 * {@code ask-N} there and this probe answers with {@code scene-N.json}: every showing window and, for every node
 * a person can see, its screen bounds, the text as rendered (a clipped label's text node holds the "…" the
 * person sees, next to the full text it stands for) and the state of popups and toggles. It reads the scene on
 * the FX thread and changes nothing.
 */
public final class SceneProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SceneProbe.class);
    public static final String PROPERTY = "concord.probe";
    /** {@code -Dconcord.probe.all=true}: every visible node, not only those the suite reads (for debugging it). */
    private static final boolean ALL = Boolean.getBoolean("concord.probe.all");

    private final Path dir;
    private final Thread thread;
    private volatile boolean closed;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SceneProbe(Path dir) {
        this.dir = dir;
        this.thread = Daemons.named("concord-scene-probe").newThread(this::run);
    }

    /** Starts the probe when {@value #PROPERTY} is set; otherwise returns null and nothing runs. */
    public static SceneProbe startIfAsked() {
        String d = System.getProperty(PROPERTY);
        if (d == null || d.isBlank()) {
            return null;
        }
        try {
            Path dir = Files.createDirectories(Path.of(d));
            SceneProbe p = new SceneProbe(dir);
            p.thread.start();
            LOG.info("scene probe answering in {}", dir);
            return p;
        } catch (IOException e) {
            LOG.warn("scene probe not started ({}): {}", d, e.toString());
            return null;
        }
    }

    private void run() {
        // inotify, not a poll: the probe must not itself cost the idle desk its budget
        try (WatchService watch = dir.getFileSystem().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            answerAsked();
            while (!closed) {
                WatchKey key = watch.take();
                key.pollEvents();
                key.reset();
                answerAsked();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } catch (IOException e) {
            LOG.warn("scene probe stopped: {}", e.toString());
        }
    }

    private void answerAsked() {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path ask : s.filter(p -> p.getFileName().toString().startsWith("ask-")).sorted().toList()) {
                answer(ask.getFileName().toString().substring(4));
                Files.deleteIfExists(ask);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("scene probe: {}", e.toString());
        }
    }

    private void answer(String n) throws IOException {
        CompletableFuture<Map<String, Object>> scene = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                scene.complete(describe());
            } catch (RuntimeException e) {
                scene.completeExceptionally(e);
            }
        });
        Map<String, Object> out;
        try {
            out = scene.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            out = Map.of("error", "the FX thread did not answer within 60 s: " + e);
        }
        Path tmp = dir.resolve("scene-" + n + ".json.tmp");
        json.writeValue(tmp.toFile(), out);
        Files.move(tmp, dir.resolve("scene-" + n + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** FX thread: every showing window and what can be seen in it. */
    private static Map<String, Object> describe() {
        List<Map<String, Object>> windows = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (!w.isShowing() || w.getScene() == null) {
                continue;
            }
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("type", w.getClass().getSimpleName());
            wm.put("title", w instanceof Stage s ? s.getTitle() : "");
            wm.put("bounds", new double[] {w.getX(), w.getY(), w.getWidth(), w.getHeight()});
            wm.put("focused", w.isFocused());
            List<Map<String, Object>> nodes = new ArrayList<>();
            Bounds view = new BoundingBox(w.getX(), w.getY(), w.getWidth(), w.getHeight());
            walk(w.getScene().getRoot(), view, nodes);
            wm.put("nodes", nodes);
            windows.add(wm);
        }
        return Map.of("time", System.currentTimeMillis(), "windows", windows);
    }

    /** Visible nodes only; {@code view} is the screen area still visible after the ancestors' clips. */
    private static void walk(Node node, Bounds view, List<Map<String, Object>> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Bounds screen = node.localToScreen(node.getBoundsInLocal());
        if (screen == null) {
            return;
        }
        Bounds visible = view;
        if (node.getClip() != null) {
            Bounds clip = node.localToScreen(node.getClip().getBoundsInParent());
            visible = clip == null ? view : intersect(view, clip);
        }
        if (visible == null) {
            return;
        }
        Map<String, Object> m = describe(node, screen, visible);
        if (m != null) {
            out.add(m);
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, visible, out);
            }
        }
    }

    private static Map<String, Object> describe(Node node, Bounds screen, Bounds visible) {
        boolean interesting = ALL || node.getId() != null || node instanceof Text || node instanceof Labeled || node instanceof ComboBoxBase
                || node instanceof ChoiceBox || node instanceof TextInputControl || node instanceof Toggle || node instanceof ToggleSwitch
                || node.getStyleClass().contains("chart-canvas")
                || node.getClass().getName().startsWith("io.fair_acc.chartfx.XYChart")
                || node.getStyleClass().contains("chart-content") || node.getStyleClass().contains("tab")
                || node.getStyleClass().contains("chart-series-line"); // a line chart's drawn lines (their bounds)
        if (!interesting) {
            return null;
        }
        Bounds shown = intersect(visible, screen);
        if (shown == null || shown.getWidth() < 1 || shown.getHeight() < 1) {
            return null; // scrolled or clipped away
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", node.getClass().getSimpleName());
        if (node.getId() != null) {
            m.put("id", node.getId());
        }
        if (!node.getStyleClass().isEmpty()) {
            m.put("styleClass", String.join(" ", node.getStyleClass()));
        }
        if (!node.getPseudoClassStates().isEmpty()) {
            m.put("pseudo", node.getPseudoClassStates().stream().map(Object::toString).sorted().toList());
        }
        m.put("bounds", new double[] {round(shown.getMinX()), round(shown.getMinY()), round(shown.getWidth()), round(shown.getHeight())});
        if (node instanceof Text t) {
            m.put("text", t.getText());
            Labeled owner = labeledOwner(t);
            if (owner != null) {
                m.put("full", owner.getText());
            }
        } else if (node instanceof Labeled l) {
            m.put("label", l.getText());
        }
        if (node instanceof ComboBoxBase<?> c) {
            m.put("showing", c.isShowing());
            m.put("value", String.valueOf(c.getValue()));
        }
        if (node instanceof ChoiceBox<?> c) {
            m.put("showing", c.isShowing());
            m.put("value", String.valueOf(c.getValue()));
        }
        if (node instanceof Toggle t) {
            m.put("selected", t.isSelected());
        }
        if (node instanceof ToggleSwitch t) {
            m.put("selected", t.isSelected());
        }
        if (node instanceof TextInputControl t) {
            m.put("value", t.getText());
        }
        m.put("disabled", node.isDisabled());
        return m;
    }

    /** The label whose skin drew this text (the text then is what the person reads of the label). */
    private static Labeled labeledOwner(Text t) {
        Parent p = t.getParent();
        return p instanceof Labeled l ? l : null;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return x1 <= x0 || y1 <= y0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
