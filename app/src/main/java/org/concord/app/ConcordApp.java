package org.concord.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.concord.app.session.DesktopSession;
import org.concord.app.session.SessionOptions;
import org.concord.app.shell.MainWindow;
import org.concord.app.shell.SceneProbe;
import org.concord.app.shell.Themes;
import org.concord.app.shell.UiState;
import org.concord.app.shell.UiStateStore;
import org.concord.store.DataDirectory;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workstation application. It shows a splash with progress while the session starts on a background thread
 * (SQLite, modules, training coordinator, replay: never on the FX thread), then the {@link MainWindow}.
 */
public final class ConcordApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ConcordApp.class);
    /** Tests (and embedders) may set the options instead of the command line. */
    public static volatile SessionOptions optionsOverride;
    private static volatile ConcordApp current;

    private volatile DesktopSession session;
    private volatile MainWindow window;
    private SceneProbe probe;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The running app (tests). */
    public static ConcordApp current() {
        return current;
    }

    public MainWindow window() {
        return window;
    }

    public DesktopSession session() {
        return session;
    }

    @Override
    public void start(Stage stage) {
        current = this;
        probe = SceneProbe.startIfAsked();
        // SIGTERM (a launcher forwarding a stop, a session logout) skips stop(): the session still closes, its pending
        // store writes flushed
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DesktopSession s = session;
            if (s != null && closed.compareAndSet(false, true)) {
                s.close();
            }
        }, "concord-desk-shutdown"));
        SessionOptions options = optionsOverride != null ? optionsOverride
                : SessionOptions.parse(getParameters().getRaw().toArray(String[]::new), DataDirectory.resolve());
        UiStateStore store = new UiStateStore(DataDirectory.ensure(options.dataDir()));
        UiState ui = store.load();
        Themes.apply(ui.theme());

        Label title = new Label("Concord");
        title.getStyleClass().add("title");
        Label message = new Label("starting…");
        message.setId("splash-message");
        ProgressIndicator spinner = new ProgressIndicator(-1);
        VBox splash = new VBox(title, spinner, message);
        splash.getStyleClass().add("splash");
        splash.setId("splash");
        Scene scene = new Scene(splash, 640, 300);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setTitle("Concord — starting");
        stage.setScene(scene);
        stage.show();

        Daemons.start(() -> {
            try {
                DesktopSession s = DesktopSession.start(options, m -> Platform.runLater(() -> message.setText(m)));
                session = s;
                Platform.runLater(() -> window = new MainWindow(stage, s, store, ui));
            } catch (RuntimeException e) {
                LOG.error("the session did not start: {}", e.getMessage(), e);
                Platform.runLater(() -> {
                    message.setText("Concord could not start: " + e.getMessage());
                    spinner.setVisible(false);
                    Button quit = new Button("Quit");
                    quit.setOnAction(a -> Platform.exit());
                    splash.getChildren().add(quit);
                });
            }
        }, "concord-session-start");
    }

    @Override
    public void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (probe != null) {
            probe.close();
        }
        MainWindow w = window;
        if (w != null) {
            w.close();
        }
        DesktopSession s = session;
        if (s != null) {
            s.close();
        }
        current = null;
    }
}
