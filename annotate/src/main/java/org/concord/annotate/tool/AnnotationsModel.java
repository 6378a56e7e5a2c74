package org.concord.annotate.tool;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.concord.annotate.Background;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationService;

import java.util.List;
import java.util.Optional;

/**
 * The FX side's copy of the stored annotations (every symbol; the list filters, the panes draw their symbol's)
 * and the selected one. It is refreshed from the store on the background thread after every change, so what is
 * shown is what was saved.
 */
public final class AnnotationsModel {
    private final AnnotationService service;
    private final Background bg;
    private final ObservableList<Annotation> all = FXCollections.observableArrayList();
    private final ObjectProperty<Annotation> selected = new SimpleObjectProperty<>();
    private long refreshes;

    public AnnotationsModel(AnnotationService service, Background bg) {
        this.service = service;
        this.bg = bg;
    }

    public ObservableList<Annotation> all() {
        return all;
    }

    public ObjectProperty<Annotation> selectedProperty() {
        return selected;
    }

    public Annotation selected() {
        return selected.get();
    }

    public void select(Annotation a) {
        selected.set(a == null ? null : find(a.id()).orElse(a));
    }

    public Optional<Annotation> find(String id) {
        return all.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Completed refreshes (tests wait for it to move). */
    public long refreshes() {
        return refreshes;
    }

    /** Reloads every annotation from the store (background), keeping the selection by id. */
    public void refresh() {
        bg.run("reading annotations", () -> service.store().all(), this::set);
    }

    private void set(List<Annotation> list) {
        String sel = selected.get() == null ? null : selected.get().id();
        all.setAll(list);
        selected.set(sel == null ? null : find(sel).orElse(null));
        refreshes++;
    }
}
