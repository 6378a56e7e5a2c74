package org.concord.app.annotate;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.concord.app.session.DesktopSession;

import java.util.function.Function;

/**
 * Hosts the annotation workspace (annotate/) as the main window's "Annotate" tab. The workspace is a class in
 * annotate/ that produces a Node; the lead drops it in by replacing {@link #DEFAULT} (one line, e.g.
 * {@code session -> new AnnotationWorkspace(session.engine().data(), annotationService).node()}) or by calling
 * {@link #install} before the window opens. Until then the tab shows a placeholder.
 */
public final class AnnotationTabHost {
    /** The factory used when none was installed: the placeholder. */
    public static final Function<DesktopSession, Node> DEFAULT = AnnotationTabHost::placeholder;
    private static volatile Function<DesktopSession, Node> factory = DEFAULT;

    private AnnotationTabHost() {
    }

    /** Installs the workspace factory (called on the FX thread when the window is built). */
    public static void install(Function<DesktopSession, Node> workspace) {
        if (workspace == null) {
            throw new IllegalArgumentException("workspace factory is null");
        }
        factory = workspace;
    }

    /** The tab's content for {@code session}. */
    public static Node create(DesktopSession session) {
        return factory.apply(session);
    }

    static Node placeholder(DesktopSession session) {
        Label title = new Label("Annotation workspace");
        title.getStyleClass().add("title-3");
        Label text = new Label("The chart workspace where you label frames for training is built in annotate/ and will appear here.");
        VBox box = new VBox(12, title, text);
        box.setId("annotation-placeholder");
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
