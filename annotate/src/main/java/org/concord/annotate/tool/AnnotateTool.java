package org.concord.annotate.tool;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.concord.annotate.chart.AnnotationLayer;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.annotation.AnnotationMath;
import org.concord.chart.DisplayFormat;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The annotate mode: while it is on, a click on a candle (or E at the cursor) sets the entry, the next click (or
 * X) the exit, Esc cancels. Prices snap to the candle's open/high/low/close ({@link AnnotationMath#snap}); a
 * mark's time is its candle's open time; the direction is chosen or inferred ({@link AnnotationMath#inferDirection});
 * the no-trade tool marks a HOLD region instead. Out of annotate mode nothing creates a mark. FX thread only.
 */
public final class AnnotateTool {
    /** What the next two marks make. */
    public enum Kind { TRADE, NO_TRADE }

    /** The direction of a trade mark: inferred from the prices, or chosen. */
    public enum DirectionChoice { AUTO, LONG, SHORT }

    /** A pending entry: where it is and on which pane it was set. */
    public record Pending(CandlePane pane, long time, double price, Kind kind) {
    }

    private final BooleanProperty mode = new SimpleBooleanProperty(false);
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.TRADE);
    private final ObjectProperty<DirectionChoice> direction = new SimpleObjectProperty<>(DirectionChoice.AUTO);
    private final ObjectProperty<Pending> pending = new SimpleObjectProperty<>();
    private final CommandStack commands;
    private final String author;
    private final LongSupplier clock;
    private final Consumer<String> status;
    private final List<CandlePane> panes;
    private List<String> defaultTags = List.of();
    private DisplayFormat format = DisplayFormat.UTC;

    public AnnotateTool(List<CandlePane> panes, CommandStack commands, String author, LongSupplier clock, Consumer<String> status) {
        this.panes = List.copyOf(panes);
        this.commands = commands;
        this.author = author;
        this.clock = clock;
        this.status = status;
        pending.addListener((o, was, now) -> {
            for (CandlePane p : this.panes) {
                p.annotationLayer().setPending(now == null ? null : new AnnotationLayer.Pending(now.time(), now.price(), now.kind() == Kind.NO_TRADE));
            }
        });
        mode.addListener((o, was, on) -> {
            if (!on) {
                cancel();
            }
        });
    }

    public BooleanProperty modeProperty() {
        return mode;
    }

    public boolean on() {
        return mode.get();
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObjectProperty<DirectionChoice> directionProperty() {
        return direction;
    }

    public ObjectProperty<Pending> pendingProperty() {
        return pending;
    }

    /** Writes prices in its messages with {@code f}. */
    public void setFormat(DisplayFormat f) {
        format = f;
    }

    /** Tags every new annotation gets (e.g. the session's theme). */
    public void setDefaultTags(List<String> tags) {
        defaultTags = List.copyOf(tags);
    }

    /** A click on candle {@code index} of {@code pane} at {@code price} (NaN: none): the entry, or the exit when one is pending. */
    public void mark(CandlePane pane, int index, double price) {
        if (pending.get() == null) {
            entry(pane, index, price);
        } else {
            exit(pane, index, price);
        }
    }

    /** Sets (or moves) the pending entry. */
    public void entry(CandlePane pane, int index, double price) {
        if (!checkMode() || index < 0) {
            return;
        }
        BarSeries s = pane.bars().series();
        AnnotationMath.Snap snap = AnnotationMath.snap(s.open(index), s.high(index), s.low(index), s.close(index), price);
        pending.set(new Pending(pane, AnnotationMath.markTime(pane.timeframe(), s.time(index)), snap.price(), kind.get()));
        status.accept((kind.get() == Kind.NO_TRADE ? "no-trade region from" : "entry") + " at " + format.price(snap.price()) + " ("
                + snap.point().name().toLowerCase(Locale.ROOT) + ") — now the exit: X or click; Esc cancels");
    }

    /** Sets the exit of the pending entry and saves the annotation (an undoable command). */
    public void exit(CandlePane pane, int index, double price) {
        if (!checkMode() || index < 0) {
            return;
        }
        Pending p = pending.get();
        if (p == null) {
            status.accept("set an entry first (E or a click)");
            return;
        }
        BarSeries s = pane.bars().series();
        AnnotationMath.Snap snap = AnnotationMath.snap(s.open(index), s.high(index), s.low(index), s.close(index), price);
        long t = AnnotationMath.markTime(pane.timeframe(), s.time(index));
        Annotation draft;
        try {
            draft = draft(p, pane.symbol(), t, snap.price());
        } catch (IllegalArgumentException e) {
            status.accept(e.getMessage());
            return;
        }
        if (draft == null) {
            return;
        }
        pending.set(null);
        commands.execute(new CommandStack.Create(draft));
    }

    private Annotation draft(Pending p, Symbol symbol, long t, double price) {
        long now = clock.getAsLong();
        Timeframe tf = p.pane().timeframe();
        String id = "a-" + UUID.randomUUID();
        if (p.kind() == Kind.NO_TRADE) {
            if (t == p.time()) {
                status.accept("a no-trade region needs two different candles");
                return null;
            }
            boolean forward = t > p.time();
            return Annotation.draft(id, symbol, tf, forward ? p.time() : t, forward ? p.price() : price, forward ? t : p.time(),
                    forward ? price : p.price(), AnnotationDirection.NO_TRADE, Double.NaN, Double.NaN, defaultTags, "", author, now);
        }
        if (t <= p.time()) {
            status.accept("the exit must be on a later candle than the entry");
            return null;
        }
        AnnotationDirection d = switch (direction.get()) {
            case AUTO -> AnnotationMath.inferDirection(p.price(), price);
            case LONG -> AnnotationDirection.LONG;
            case SHORT -> AnnotationDirection.SHORT;
        };
        return Annotation.draft(id, symbol, tf, p.time(), p.price(), t, price, d, Double.NaN, Double.NaN, defaultTags, "", author, now);
    }

    /** Drops the pending entry (Esc). */
    public void cancel() {
        if (pending.get() != null) {
            pending.set(null);
            status.accept("mark cancelled");
        }
    }

    private boolean checkMode() {
        if (!mode.get()) {
            status.accept("turn on annotate mode (A) to mark entries and exits");
            return false;
        }
        return true;
    }
}
