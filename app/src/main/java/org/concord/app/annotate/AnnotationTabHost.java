package org.concord.app.annotate;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.concord.annotate.AnnotationContext;
import org.concord.annotate.AnnotationWorkspace;
import org.concord.annotate.DisplaySettings;
import org.concord.app.session.DesktopSession;

import java.util.function.Function;

/**
 * Hosts the annotation workspace (annotate/) as the main window's "Annotate" tab: the workspace is built on the FX
 * thread from the session's {@link AnnotationServices} (opened off it) and closed with the session. {@link #install}
 * replaces the factory (embedding, tests); {@link #placeholder} is what a session without annotation services shows.
 */
public final class AnnotationTabHost {
    /** The factory used when none was installed: the placeholder. */
    public static final Function<DesktopSession, Node> DEFAULT = AnnotationTabHost::workspace;
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

    /** The tab's content for {@code session}, writing prices and times in the default format (UTC). */
    public static Node create(DesktopSession session) {
        return create(session, new DisplaySettings());
    }

    /** The tab's content for {@code session}; the workspace writes prices and times with {@code display} and follows its changes. */
    public static Node create(DesktopSession session, DisplaySettings display) {
        Function<DesktopSession, Node> f = factory;
        return f == DEFAULT ? workspace(session, display) : f.apply(session);
    }

    static Node workspace(DesktopSession session) {
        return workspace(session, new DisplaySettings());
    }

    static Node workspace(DesktopSession session, DisplaySettings display) {
        AnnotationServices s = session.annotations();
        if (s == null) {
            return placeholder(session);
        }
        AnnotationContext.Builder ctx = AnnotationContext.builder(s.data(), s.annotations())
                .overlays(s.overlays())
                .author(System.getProperty("user.name", "trader"));
        if (s.training() != null) {
            ctx.training(sym -> sym.equals(s.training().config().symbol()) ? s.training() : null)
                    .symbol(s.training().config().symbol());
        }
        if (s.patterns() != null) {
            ctx.patterns(s.patterns());
        }
        AnnotationWorkspace ws = new AnnotationWorkspace(ctx.build(), display);
        session.closeWith(ws::close);
        return ws.node();
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
