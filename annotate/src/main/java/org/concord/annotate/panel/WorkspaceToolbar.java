package org.concord.annotate.panel;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.concord.annotate.tool.AnnotateTool;
import org.concord.annotate.tool.CommandStack;
import org.concord.chart.OverlaySource;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** The workspace's tool bar: symbol, annotate mode and tool, direction, undo/redo, jump to date, overlays, files. */
public final class WorkspaceToolbar {
    final ComboBox<Symbol> symbol = new ComboBox<>();
    final ToggleButton annotate = new ToggleButton("Annotate (A)");
    final ToggleButton noTrade = new ToggleButton("No-trade (N)");
    final ChoiceBox<AnnotateTool.DirectionChoice> direction = new ChoiceBox<>();
    final Button undo = new Button("Undo");
    final Button redo = new Button("Redo");
    final TextField jump = new TextField();
    final Button go = new Button("Go");
    final MenuButton overlays = new MenuButton("Overlays");
    final List<CheckMenuItem> overlayItems = new ArrayList<>();
    // export, import and the import's rule share one menu: the tool bar must fit the desk's width without overflow
    final MenuButton files = new MenuButton("File");
    final MenuItem export = new MenuItem("Export…");
    final MenuItem importFile = new MenuItem("Import…");
    final CheckMenuItem replaceExisting = new CheckMenuItem("Import replaces stored ids");
    final Button pattern = new Button("Pattern…");
    private final ToolBar bar;

    public WorkspaceToolbar(List<OverlaySource> sources, BiConsumer<String, Boolean> onOverlay) {
        symbol.setId("symbol");
        annotate.setId("annotate-mode");
        noTrade.setId("no-trade-tool");
        direction.setId("direction");
        undo.setId("undo");
        redo.setId("redo");
        jump.setId("jump-to");
        go.setId("jump-go");
        files.setId("files");
        export.setId("export");
        importFile.setId("import");
        replaceExisting.setId("import-replace");
        files.getItems().setAll(export, importFile, new SeparatorMenuItem(), replaceExisting);
        files.setTooltip(new Tooltip("Export or import annotations as JSON. An imported id that is already stored is "
                + "skipped and counted, unless \"Import replaces stored ids\" is ticked."));
        pattern.setId("save-pattern");
        direction.getItems().setAll(AnnotateTool.DirectionChoice.values());
        direction.setValue(AnnotateTool.DirectionChoice.AUTO);
        direction.setTooltip(new Tooltip("Direction of a trade mark: AUTO infers it from entry and exit prices"));
        jump.setPrefColumnCount(11);
        setZone("UTC");
        noTrade.setTooltip(new Tooltip("No-trade (HOLD) region tool: two clicks or E and X mark a region without a trade"));
        undo.setTooltip(new Tooltip("Ctrl+Z"));
        redo.setTooltip(new Tooltip("Ctrl+Y"));
        for (OverlaySource s : sources) {
            CheckMenuItem item = new CheckMenuItem(s.name());
            item.setId("overlay-" + s.id());
            item.setSelected(true);
            item.selectedProperty().addListener((o, w, on) -> onOverlay.accept(s.id(), on));
            overlayItems.add(item);
        }
        overlays.getItems().setAll(overlayItems);
        overlays.setDisable(sources.isEmpty());
        symbol.setPromptText("Symbol");
        bar = new ToolBar(symbol, new Separator(), annotate, noTrade, direction, new Separator(), undo, redo, new Separator(),
                new Label("Jump to"), jump, go, new Separator(), overlays, new Separator(), files, pattern);
        // controls keep their full labels; what does not fit goes to the tool bar's overflow menu, never cut to "…"
        for (Node n : bar.getItems()) {
            if (n instanceof Region r && !(n instanceof TextField)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    /** What the tool bar asks the workspace to do. */
    public interface Actions {
        void symbol(Symbol s);

        void jump(String text);

        void exportFile();

        void importFile();

        void savePattern();
    }

    /** Connects the controls to the annotate tool, the undo stack and the workspace. */
    public void bind(AnnotateTool tool, CommandStack commands, Actions a) {
        annotate.selectedProperty().bindBidirectional(tool.modeProperty());
        noTrade.setSelected(tool.kindProperty().get() == AnnotateTool.Kind.NO_TRADE);
        noTrade.selectedProperty().addListener((o, w, on) -> tool.kindProperty().set(on ? AnnotateTool.Kind.NO_TRADE : AnnotateTool.Kind.TRADE));
        tool.kindProperty().addListener((o, w, k) -> noTrade.setSelected(k == AnnotateTool.Kind.NO_TRADE));
        direction.valueProperty().bindBidirectional(tool.directionProperty());
        direction.disableProperty().bind(noTrade.selectedProperty());
        undo.disableProperty().bind(commands.canUndoProperty().not());
        redo.disableProperty().bind(commands.canRedoProperty().not());
        undo.setOnAction(e -> commands.undo());
        redo.setOnAction(e -> commands.redo());
        symbol.valueProperty().addListener((o, w, s) -> a.symbol(s));
        go.setOnAction(e -> a.jump(jump.getText()));
        jump.setOnAction(e -> a.jump(jump.getText()));
        export.setOnAction(e -> a.exportFile());
        importFile.setOnAction(e -> a.importFile());
        pattern.setOnAction(e -> a.savePattern());
    }

    public void setPatternsAvailable(boolean on) {
        pattern.setDisable(!on);
        pattern.setTooltip(new Tooltip(on ? "Save the selected annotation's window (or the view) as a pattern template"
                : "No pattern library connected"));
    }

    public Node node() {
        return bar;
    }

    public ComboBox<Symbol> symbolBox() {
        return symbol;
    }

    public TextField jumpField() {
        return jump;
    }

    /** Whether an import replaces annotations whose id is already stored (the File menu's "Import replaces stored ids"). */
    public boolean replaceExisting() {
        return replaceExisting.isSelected();
    }

    /** The zone typed jump times are read in (the desk's display zone). */
    public void setZone(String zoneName) {
        jump.setPromptText("2013-11-28 14:00");
        jump.setTooltip(new Tooltip("A date or date and time in " + zoneName + ", then Enter (J focuses this field)"));
    }

    public ToolBar bar() {
        return bar;
    }
}
