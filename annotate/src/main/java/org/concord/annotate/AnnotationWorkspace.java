package org.concord.annotate;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.concord.annotate.chart.AnnotationLayer;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotate.chart.PaneLook;
import org.concord.annotate.panel.AnnotationEditorPanel;
import org.concord.annotate.panel.AnnotationListPanel;
import org.concord.annotate.panel.TrainingPanel;
import org.concord.annotate.panel.WorkspaceToolbar;
import org.concord.annotate.tool.AnnotateTool;
import org.concord.annotate.tool.AnnotationsModel;
import org.concord.annotate.tool.CommandStack;
import org.concord.annotate.view.CursorSync;
import org.concord.annotate.view.HistoryLoader;
import org.concord.annotate.view.KeyCommands;
import org.concord.annotate.view.LiveFollow;
import org.concord.annotate.view.Navigation;
import org.concord.annotate.view.OverlayLoader;
import org.concord.annotate.view.PaneInput;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationMath;
import org.concord.chart.DisplayFormat;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The annotation workspace, one JavaFX node for the shell's "Annotate" tab: synchronized candlestick panes of one
 * symbol with overlays, the annotate tool, the annotation list and editor, training from annotations and the
 * pattern action. It is UI only: data through the DataProvider, writes through core's annotation and training
 * APIs, all of it on one background thread ({@link Background}); nothing blocks the FX thread.
 *
 * <p>Lifecycle: construct on the FX thread with an {@link AnnotationContext}, put {@link #node()} in a tab, call
 * {@link #close()} when the tab or window closes (stops the background thread and the training subscription; the
 * context's services stay open, they belong to the shell).
 */
public final class AnnotationWorkspace implements AutoCloseable {
    private final AnnotationContext ctx;
    private final DisplaySettings display;
    private final Background bg;
    private final List<CandlePane> panes = new ArrayList<>();
    private final HistoryLoader loader;
    private final CursorSync sync;
    private final Navigation nav;
    private final OverlayLoader overlays;
    private final AnnotationsModel model;
    private final CommandStack commands;
    private final AnnotateTool tool;
    private final AnnotationListPanel list;
    private final AnnotationEditorPanel editor;
    private final TrainingPanel training;
    private final WorkspaceToolbar toolbar;
    private final WorkspaceFiles files;
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final Label status = new Label("Loading…");
    private final BorderPane root = new BorderPane();
    private final LiveFollow live;
    private volatile Symbol symbol;
    private final PanePointer pointer;

    /** A workspace that writes prices and times in the default format (UTC, cent ticks). */
    public AnnotationWorkspace(AnnotationContext ctx) {
        this(ctx, new DisplaySettings());
    }

    /**
     * @param display the desk's display format (the user's zone, the instrument's tick); the workspace follows
     *                its changes
     */
    public AnnotationWorkspace(AnnotationContext ctx, DisplaySettings display) {
        if (ctx == null) {
            throw new IllegalArgumentException("annotation context is null");
        }
        if (display == null) {
            throw new IllegalArgumentException("display settings are null");
        }
        this.ctx = ctx;
        this.display = display;
        this.bg = new Background(this::error);
        Symbol first = ctx.symbol() == null ? Symbol.of("NONE") : ctx.symbol();
        for (Timeframe tf : ctx.paneTimeframes()) {
            panes.add(new CandlePane(first, tf));
        }
        loader = new HistoryLoader(ctx.data(), bg, this::paneLoaded, this::annotating);
        sync = new CursorSync(panes, loader);
        nav = new Navigation(sync, loader);
        overlays = new OverlayLoader(ctx.overlays(), bg);
        model = new AnnotationsModel(ctx.annotations(), bg);
        commands = new CommandStack(ctx.annotations(), bg, ctx.clock(), this::status, saved -> {
            model.refresh();
            if (saved != null) {
                model.select(saved);
            }
        });
        tool = new AnnotateTool(panes, commands, ctx.author(), ctx.clock(), this::status);
        list = new AnnotationListPanel(model, this::jumpTo);
        editor = new AnnotationEditorPanel((before, after) -> commands.execute(new CommandStack.Update(before, after)),
                a -> commands.execute(new CommandStack.Delete(a)));
        training = new TrainingPanel(bg, list::selectedOrShown, this::status);
        toolbar = new WorkspaceToolbar(ctx.overlays(), (id, on) -> overlays.setEnabled(id, on, panes));
        files = new WorkspaceFiles(ctx, bg, model, this::status, this::currentWindow, toolbar::replaceExisting);
        pointer = new PanePointer(panes, sync, tool);
        for (CandlePane p : panes) {
            new PaneInput(p, pointer);
            p.setOnViewChanged(() -> loader.pageIfNeeded(p));
            p.annotationLayer().setOnSelect(model::select);
            p.annotationLayer().setOnMarkerDropped(this::markerDropped);
        }
        model.all().addListener((ListChangeListener<Annotation>) c -> redrawAnnotations());
        model.selectedProperty().addListener((o, w, a) -> {
            editor.show(a);
            redrawAnnotations();
        });
        new KeyCommands(root, new WorkspaceKeys(this));
        toolbar.bind(tool, commands, new WorkspaceToolbar.Actions() {
            @Override
            public void symbol(Symbol s) {
                setSymbol(s);
            }

            @Override
            public void jump(String text) {
                jumpTo(text);
            }

            @Override
            public void exportFile() {
                File f = chooseFile(true);
                if (f != null) {
                    files.exportTo(f.toPath(), list.shown());
                }
            }

            @Override
            public void importFile() {
                File f = chooseFile(false);
                if (f != null) {
                    files.importFrom(f.toPath());
                }
            }

            @Override
            public void savePattern() {
                files.askAndSavePattern(window());
            }
        });
        live = new LiveFollow(ctx.data(), ctx.paneTimeframes(), () -> symbol, panes, loader);
        toolbar.setPatternsAvailable(ctx.patterns() != null);
        layout();
        display.formatProperty().addListener((o, was, f) -> showFormat(f));
        showFormat(display.format());
        // the status line's colours follow the panes' dark or light look
        panes.get(0).lookProperty().addListener((o, was, look) -> showLook(look));
        showLook(panes.get(0).look());
        sync.setActive(panes.stream().filter(p -> p.timeframe() == Timeframe.M1).findFirst().orElse(panes.get(0)));
        model.refresh();
        bg.run("listing symbols", () -> ctx.data().symbols(), symbols -> {
            toolbar.symbolBox().getItems().setAll(symbols);
            Symbol s = ctx.symbol() != null ? ctx.symbol() : symbols.isEmpty() ? null : symbols.iterator().next();
            if (s == null) {
                status("no market data yet: start a feed or a replay, then pick a symbol");
            } else {
                toolbar.symbolBox().setValue(s); // the box's listener loads it
            }
        });
    }

    private void layout() {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        int cols = panes.size() >= 4 ? 2 : 1;
        for (int i = 0; i < cols; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / cols);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        int rows = (panes.size() + cols - 1) / cols;
        for (int r = 0; r < rows; r++) {
            RowConstraints c = new RowConstraints();
            c.setPercentHeight(100.0 / rows);
            c.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(c);
        }
        for (int i = 0; i < panes.size(); i++) {
            grid.add(panes.get(i).node(), i % cols, i / cols);
        }
        grid.setId("panes");
        grid.setFocusTraversable(true);
        FocusWhenShown.install(root, grid);
        grid.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> grid.requestFocus());
        SplitPane center = new SplitPane(grid, list.node());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.72);
        ScrollPane editorScroll = new ScrollPane(editor.node());
        ScrollPane trainingScroll = new ScrollPane(training.node());
        editorScroll.setFitToWidth(true);
        trainingScroll.setFitToWidth(true);
        TabPane side = new TabPane(new Tab("Annotation", editorScroll), new Tab("Training", trainingScroll));
        side.setId("side-tabs");
        side.getTabs().forEach(t -> t.setClosable(false));
        side.setPrefWidth(380);
        SplitPane main = new SplitPane(center, side);
        main.setDividerPositions(0.76);
        status.setId("status");
        status.setPadding(new Insets(2, 6, 2, 6));
        status.setWrapText(true); // a long error is read in full, never cut to "…"
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        root.setTop(toolbar.node());
        root.setCenter(main);
        root.setBottom(status);
        root.setId("annotation-workspace");
        root.getStylesheets().add(AnnotationWorkspace.class.getResource("workspace.css").toExternalForm());
    }

    /** The node to put in the shell's tab. */
    public Node node() {
        return root;
    }

    // ------------------------------------------------------------------ symbol, loading, drawing

    /** Shows {@code s} on every pane (loads the newest bars), its annotations, and its model in the training tab. */
    public void setSymbol(Symbol s) {
        if (s == null || s.equals(symbol)) {
            return;
        }
        symbol = s;
        tool.cancel();
        overlays.clear(panes);
        for (CandlePane p : panes) {
            p.setSymbol(s);
            loader.loadLatest(p, () -> {
                if (p == sync.active() && !p.bars().isEmpty()) {
                    sync.placeCursor(p.bars().lastTime());
                }
            });
        }
        list.showSymbol(s.code());
        redrawAnnotations();
        bg.run("looking up the model of " + s, () -> Optional.ofNullable(ctx.training().apply(s)), c -> {
            if (s.equals(symbol)) {
                training.bind(c.orElse(null));
            }
        });
        status("showing " + s);
    }

    public Symbol symbol() {
        return symbol;
    }

    private void paneLoaded(CandlePane p) {
        overlays.refresh(p);
        p.annotationLayer().setAnnotations(symbolAnnotations(), selectedId());
        if (sync.cursor() != Long.MIN_VALUE) {
            p.setCursor(sync.cursor());
        }
    }

    private void redrawAnnotations() {
        List<Annotation> mine = symbolAnnotations();
        for (CandlePane p : panes) {
            p.annotationLayer().setAnnotations(mine, selectedId());
        }
    }

    private List<Annotation> symbolAnnotations() {
        return symbol == null ? List.of() : model.all().stream().filter(a -> a.symbol().equals(symbol)).toList();
    }

    private String selectedId() {
        return model.selected() == null ? null : model.selected().id();
    }

    void status(String s) {
        status.pseudoClassStateChanged(ERROR, false);
        status.setText(s);
    }

    /** A failed background task: its one-line message, times in it in the user's zone, styled as an error. */
    private void error(String s) {
        status.setText(DisplayText.localTimes(s, display.format()));
        status.pseudoClassStateChanged(ERROR, true);
    }

    private void showFormat(DisplayFormat f) {
        for (CandlePane p : panes) {
            p.setFormat(f);
        }
        list.setFormat(f);
        editor.setFormat(f);
        tool.setFormat(f);
        toolbar.setZone(f.zoneName());
    }

    private void showLook(PaneLook look) {
        root.pseudoClassStateChanged(DARK, look == PaneLook.DARK);
    }

    /** The desk's display format this workspace writes with. */
    public DisplaySettings display() {
        return display;
    }

    // ------------------------------------------------------------------ pointer and marks

    private void markerDropped(AnnotationLayer.MarkerDrop d) {
        CandlePane p = d.pane();
        int i = p.bars().nearestIndex(p.timeAt(d.canvasX()));
        if (i < 0) {
            return;
        }
        BarSeries s = p.bars().series();
        AnnotationMath.Snap snap = AnnotationMath.snap(s.open(i), s.high(i), s.low(i), s.close(i), p.priceAt(d.canvasY()));
        long t = AnnotationMath.markTime(p.timeframe(), s.time(i));
        Annotation a = d.annotation();
        try {
            Annotation moved = d.exit()
                    ? Annotation.draft(a.id(), a.symbol(), a.timeframe(), a.entryTime(), a.entryPrice(), t, snap.price(), a.direction(), a.stopLoss(),
                    a.takeProfit(), a.tags(), a.note(), a.author(), a.createdAt())
                    : Annotation.draft(a.id(), a.symbol(), a.timeframe(), t, snap.price(), a.exitTime(), a.exitPrice(), a.direction(), a.stopLoss(),
                    a.takeProfit(), a.tags(), a.note(), a.author(), a.createdAt());
            commands.execute(new CommandStack.Update(a, moved));
        } catch (IllegalArgumentException e) {
            status("cannot move the " + (d.exit() ? "exit" : "entry") + " there: " + e.getMessage());
            redrawAnnotations();
        }
    }

    // ------------------------------------------------------------------ jumps, windows

    /** Shows an annotation: its symbol, the cursor at its entry on every pane, and selects it. */
    public void jumpTo(Annotation a) {
        if (!a.symbol().equals(symbol)) {
            toolbar.symbolBox().setValue(a.symbol());
        }
        model.select(a);
        panes.stream().filter(p -> p.timeframe() == a.timeframe()).findFirst().ifPresent(sync::setActive);
        nav.jumpTo(a.entryTime());
    }

    /** Jumps every pane to a typed date/time in the display zone: {@code 2013-11-28}, {@code 2013-11-28 14:00} or with seconds. */
    public void jumpTo(String text) {
        try {
            DisplayFormat f = display.format();
            nav.jumpTo(WorkspaceFiles.parseTime(text, f.zone()));
            status("jumped to " + text.trim() + " " + f.zoneName());
        } catch (IllegalArgumentException e) {
            status(e.getMessage());
        }
    }

    /** The window "save as pattern" uses: the selected annotation's span on its timeframe, else the active pane's view. */
    WorkspaceFiles.Window currentWindow() {
        Annotation a = model.selected();
        if (a != null && a.symbol().equals(symbol)) {
            return new WorkspaceFiles.Window(a.symbol(), a.timeframe(), a.entryTime(), a.exitTime());
        }
        CandlePane p = sync.active();
        if (p == null || !p.hasView() || symbol == null) {
            return null;
        }
        return new WorkspaceFiles.Window(symbol, p.timeframe(), p.timeframe().floor((long) (p.viewMin() * 1000)), (long) (p.viewMax() * 1000));
    }

    // ------------------------------------------------------------------ parts, for the shell and tests

    public List<CandlePane> panes() {
        return List.copyOf(panes);
    }

    public CandlePane pane(Timeframe tf) {
        return panes.stream().filter(p -> p.timeframe() == tf).findFirst().orElseThrow(() -> new IllegalArgumentException("no " + tf + " pane"));
    }

    public AnnotationsModel annotations() {
        return model;
    }

    /** Annotate mode is on (the tool is built after the loader, which asks this only once bars arrive). */
    private boolean annotating() {
        return tool != null && tool.modeProperty().get();
    }

    PanePointer pointer() {
        return pointer;
    }

    public AnnotateTool tool() {
        return tool;
    }

    public CommandStack commands() {
        return commands;
    }

    public CursorSync cursor() {
        return sync;
    }

    public Navigation navigation() {
        return nav;
    }

    public AnnotationListPanel list() {
        return list;
    }

    public AnnotationEditorPanel editor() {
        return editor;
    }

    public TrainingPanel training() {
        return training;
    }

    public WorkspaceFiles files() {
        return files;
    }

    public OverlayLoader overlays() {
        return overlays;
    }

    public String statusText() {
        return status.getText();
    }

    /** True while the status line shows a failure. */
    public boolean statusIsError() {
        return status.getPseudoClassStates().contains(ERROR);
    }

    /** Background tasks whose result has not reached the FX thread yet (tests wait for 0). */
    public int pendingWork() {
        return bg.pending();
    }

    /** Stops the background thread and the training subscription; the context's services stay open. */
    @Override
    public void close() {
        live.close();
        training.close();
        bg.close();
    }

    File chooseFile(boolean save) {
        FileChooser fc = new FileChooser();
        fc.setTitle(save ? "Export annotations" : "Import annotations");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Annotations (JSON)", "*.json"));
        return save ? fc.showSaveDialog(root.getScene().getWindow()) : fc.showOpenDialog(root.getScene().getWindow());
    }

    void focusJumpField() {
        toolbar.jumpField().requestFocus();
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
