package org.concord.annotate;

import org.concord.annotate.chart.CandlePane;
import org.concord.annotate.tool.AnnotateTool;
import org.concord.annotate.tool.CommandStack;
import org.concord.annotate.view.KeyCommands;
import org.concord.annotation.Annotation;

/** The keyboard shortcuts' actions on the workspace ({@link KeyCommands} maps the keys). */
final class WorkspaceKeys implements KeyCommands.Actions {
    private final AnnotationWorkspace w;

    WorkspaceKeys(AnnotationWorkspace w) {
        this.w = w;
    }

    @Override
    public void step(int candles) {
        w.navigation().step(candles);
    }

    @Override
    public void page(int views) {
        w.navigation().page(views);
    }

    @Override
    public void home() {
        w.navigation().home();
    }

    @Override
    public void end() {
        w.navigation().end();
    }

    @Override
    public void zoom(double factor) {
        w.navigation().zoom(factor);
    }

    @Override
    public void toggleAnnotate() {
        w.tool().modeProperty().set(!w.tool().on());
        w.status(w.tool().on() ? "annotate mode: E / click = entry, X / click = exit, Esc cancels, N = no-trade region" : "annotate mode off");
    }

    @Override
    public void toggleNoTrade() {
        AnnotateTool.Kind k = w.tool().kindProperty().get();
        w.tool().kindProperty().set(k == AnnotateTool.Kind.NO_TRADE ? AnnotateTool.Kind.TRADE : AnnotateTool.Kind.NO_TRADE);
        w.status(w.tool().kindProperty().get() == AnnotateTool.Kind.NO_TRADE ? "no-trade region tool" : "trade tool");
    }

    @Override
    public void entryAtCursor() {
        w.pointer().aim();
        CandlePane p = w.cursor().active();
        if (p != null) {
            w.tool().entry(p, w.pointer().cursorIndex(), w.pointer().price());
        }
    }

    @Override
    public void exitAtCursor() {
        w.pointer().aim();
        CandlePane p = w.cursor().active();
        if (p != null) {
            w.tool().exit(p, w.pointer().cursorIndex(), w.pointer().price());
        }
    }

    @Override
    public void cancelMark() {
        w.tool().cancel();
    }

    @Override
    public void undo() {
        w.commands().undo();
    }

    @Override
    public void redo() {
        w.commands().redo();
    }

    @Override
    public void deleteSelected() {
        Annotation a = w.annotations().selected();
        if (a != null) {
            w.commands().execute(new CommandStack.Delete(a));
        }
    }

    @Override
    public void stopLossAtPointer() {
        level(true);
    }

    @Override
    public void takeProfitAtPointer() {
        level(false);
    }

    private void level(boolean stop) {
        Annotation a = w.annotations().selected();
        double price = w.display().format().roundToTick(w.pointer().price()); // a level sits on the tick grid
        if (a == null || Double.isNaN(price)) {
            w.status("select an annotation and point at the price on the active pane to set its " + (stop ? "stop-loss" : "take-profit"));
            return;
        }
        try {
            Annotation edited = Annotation.draft(a.id(), a.symbol(), a.timeframe(), a.entryTime(), a.entryPrice(), a.exitTime(), a.exitPrice(),
                    a.direction(), stop ? price : a.stopLoss(), stop ? a.takeProfit() : price, a.tags(), a.note(), a.author(), a.createdAt());
            w.commands().execute(new CommandStack.Update(a, edited));
        } catch (IllegalArgumentException e) {
            w.status(e.getMessage());
        }
    }

    @Override
    public void focusJump() {
        w.focusJumpField();
    }
}
