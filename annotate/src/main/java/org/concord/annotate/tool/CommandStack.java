package org.concord.annotate.tool;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.concord.annotate.Background;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationService;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Undo/redo for annotation edits: each command calls core's save/update/delete on the background thread (in
 * order), and is pushed on the undo stack only once its write returned. While a command is running further
 * undo/redo requests are refused (so an undo never overtakes the write it undoes). FX thread only.
 */
public final class CommandStack {
    /** One reversible edit. {@code apply}/{@code revert} run on the background thread and return what was saved (or null). */
    public interface Command {
        String name();

        Annotation apply(AnnotationService s, long now);

        Annotation revert(AnnotationService s, long now);
    }

    /** A new annotation: save it; undo deletes it. */
    public record Create(Annotation draft) implements Command {
        @Override
        public String name() {
            return "add " + draft.direction().name().toLowerCase(Locale.ROOT).replace('_', '-') + " annotation";
        }

        @Override
        public Annotation apply(AnnotationService s, long now) {
            return s.save(draft);
        }

        @Override
        public Annotation revert(AnnotationService s, long now) {
            s.delete(draft.id());
            return null;
        }
    }

    /** An edit (fields, dragged markers): update to {@code after}; undo restores {@code before}'s fields. */
    public record Update(Annotation before, Annotation after) implements Command {
        @Override
        public String name() {
            return "edit annotation";
        }

        @Override
        public Annotation apply(AnnotationService s, long now) {
            return s.update(after, now);
        }

        @Override
        public Annotation revert(AnnotationService s, long now) {
            return s.update(before, now);
        }
    }

    /** A deletion; undo saves it again (same id, creation time and fields; its frame is rebuilt). */
    public record Delete(Annotation annotation) implements Command {
        @Override
        public String name() {
            return "delete annotation";
        }

        @Override
        public Annotation apply(AnnotationService s, long now) {
            s.delete(annotation.id());
            return null;
        }

        @Override
        public Annotation revert(AnnotationService s, long now) {
            return s.save(annotation);
        }
    }

    private final AnnotationService service;
    private final Background bg;
    private final LongSupplier clock;
    private final Consumer<String> status;
    private final Consumer<Annotation> onChanged;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private boolean busy;

    /**
     * @param onChanged after every completed write (FX thread), with the annotation saved by it or null (deleted)
     */
    public CommandStack(AnnotationService service, Background bg, LongSupplier clock, Consumer<String> status, Consumer<Annotation> onChanged) {
        this.service = service;
        this.bg = bg;
        this.clock = clock;
        this.status = status;
        this.onChanged = onChanged;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public boolean busy() {
        return busy;
    }

    public void execute(Command c) {
        if (refuse()) {
            return;
        }
        busy = true;
        bg.run(c.name(), () -> c.apply(service, clock.getAsLong()), saved -> {
            undo.push(c);
            redo.clear();
            done(saved, c.name());
        }, this::failed);
    }

    public void undo() {
        if (undo.isEmpty() || refuse()) {
            return;
        }
        Command c = undo.pop();
        busy = true;
        bg.run("undo " + c.name(), () -> c.revert(service, clock.getAsLong()), saved -> {
            redo.push(c);
            done(saved, "undone: " + c.name());
        }, () -> {
            undo.push(c);
            failed();
        });
    }

    public void redo() {
        if (redo.isEmpty() || refuse()) {
            return;
        }
        Command c = redo.pop();
        busy = true;
        bg.run("redo " + c.name(), () -> c.apply(service, clock.getAsLong()), saved -> {
            undo.push(c);
            done(saved, "redone: " + c.name());
        }, () -> {
            redo.push(c);
            failed();
        });
    }

    private boolean refuse() {
        if (busy) {
            status.accept("still saving the last change…");
        }
        return busy;
    }

    private void done(Annotation saved, String message) {
        busy = false;
        update();
        status.accept(message);
        onChanged.accept(saved);
    }

    private void failed() {
        busy = false;
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
