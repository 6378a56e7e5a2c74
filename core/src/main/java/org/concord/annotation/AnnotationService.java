package org.concord.annotation;

import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the annotation UI calls: create/update (the frame at entry is built and labelled, then the annotation
 * and its frame are saved durably in one transaction), delete, list, export and import.
 */
public final class AnnotationService {
    private final AnnotationStore store;
    private final AnnotationFramer frames;
    private final AnnotationJson json = new AnnotationJson();
    private final Consumer<InferenceFrameReference> frameListener;

    public AnnotationService(AnnotationStore store, AnnotationFramer frames) {
        this(store, frames, f -> { });
    }

    /**
     * @param frameListener told about each saved annotation frame after its commit (e.g.
     *                      {@code TrainingCoordinator::frameAdded}, so annotations count for training triggers)
     */
    public AnnotationService(AnnotationStore store, AnnotationFramer frames,
                             Consumer<InferenceFrameReference> frameListener) {
        if (store == null || frames == null || frameListener == null) {
            throw new IllegalArgumentException("store, frames and frame listener are required");
        }
        this.store = store;
        this.frames = frames;
        this.frameListener = frameListener;
    }

    /** Builds the frame for {@code draft} and saves both; returns the saved annotation (durable on return). */
    public Annotation save(Annotation draft) {
        if (draft == null) {
            throw new IllegalArgumentException("annotation is null");
        }
        Annotation a = draft.withFrame(frames.frameFor(draft));
        store.save(a);
        frameListener.accept(a.frame());
        return a;
    }

    /** Replaces an annotation's fields (keeps its creation time) and rebuilds its frame. */
    public Annotation update(Annotation edited, long now) {
        Annotation old = store.get(edited.id()).orElseThrow(() -> new IllegalArgumentException("no annotation " + edited.id()));
        Annotation a = new Annotation(edited.id(), edited.symbol(), edited.timeframe(), edited.entryTime(), edited.entryPrice(), edited.exitTime(),
                edited.exitPrice(), edited.direction(), edited.pnlPct(), edited.stopLoss(), edited.takeProfit(), edited.tags(), edited.note(),
                old.createdAt(), Math.max(now, old.createdAt()), edited.author(), null);
        return save(a);
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    public List<Annotation> list(Symbol symbol) {
        return store.list(symbol);
    }

    public void export(List<Annotation> list, OutputStream out) throws IOException {
        json.export(list, out);
    }

    /** Imports a JSON file (all of it or nothing); a stored id is replaced only when {@code replaceExisting}. */
    public AnnotationJson.ImportResult importJson(InputStream in, boolean replaceExisting) {
        return json.importInto(store, in, frames, replaceExisting);
    }

    public AnnotationStore store() {
        return store;
    }
}
