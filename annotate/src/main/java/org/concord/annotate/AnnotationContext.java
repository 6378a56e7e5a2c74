package org.concord.annotate;

import org.concord.annotation.AnnotationService;
import org.concord.annotation.PatternSink;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.TrainingCoordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The core services the annotation workspace is built from (no UI object in here). Build one with
 * {@link #builder(DataProvider, AnnotationService)}.
 *
 * @param data           market data for the panes (queried off the FX thread)
 * @param annotations    save/update/delete/list/export/import of annotations (built with the coordinators' frame spec
 *                       and {@code TrainingCoordinator::frameAdded} as its frame listener)
 * @param training       the training coordinator of a symbol, or null when that symbol has no model (training
 *                       controls are then disabled); called off the FX thread
 * @param overlays       chart overlays (pivots, extrema, model predictions), each toggled in the workspace
 * @param patterns       where "save as pattern" sends a window (the strategy modules' pattern library), or null
 * @param paneTimeframes one candlestick pane per timeframe, finest first (default 1s, 1m, 1h, 1d)
 * @param symbol         the symbol shown first, or null for the first symbol the DataProvider knows
 * @param author         written into each annotation
 * @param clock          wall clock (epoch ms) for created/updated times
 */
public record AnnotationContext(DataProvider data, AnnotationService annotations, Function<Symbol, TrainingCoordinator> training,
                                List<OverlaySource> overlays, PatternSink patterns, List<Timeframe> paneTimeframes, Symbol symbol,
                                String author, LongSupplier clock) {
    public static final List<Timeframe> DEFAULT_PANES = List.of(Timeframe.S1, Timeframe.M1, Timeframe.H1, Timeframe.D1);

    public AnnotationContext {
        if (data == null || annotations == null) {
            throw new IllegalArgumentException("the annotation workspace needs a DataProvider and an AnnotationService");
        }
        training = training == null ? s -> null : training;
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
        paneTimeframes = paneTimeframes == null || paneTimeframes.isEmpty() ? DEFAULT_PANES : List.copyOf(paneTimeframes);
        if (paneTimeframes.size() > 6 || paneTimeframes.stream().distinct().count() != paneTimeframes.size()) {
            throw new IllegalArgumentException("1 to 6 distinct pane timeframes required, got " + paneTimeframes);
        }
        author = author == null || author.isBlank() ? System.getProperty("user.name", "") : author;
        clock = clock == null ? System::currentTimeMillis : clock;
    }

    public static Builder builder(DataProvider data, AnnotationService annotations) {
        return new Builder(data, annotations);
    }

    /** Optional parts with defaults. */
    public static final class Builder {
        private final DataProvider data;
        private final AnnotationService annotations;
        private Function<Symbol, TrainingCoordinator> training;
        private final List<OverlaySource> overlays = new ArrayList<>();
        private PatternSink patterns;
        private List<Timeframe> panes;
        private Symbol symbol;
        private String author;
        private LongSupplier clock;

        private Builder(DataProvider data, AnnotationService annotations) {
            this.data = data;
            this.annotations = annotations;
        }

        public Builder training(Function<Symbol, TrainingCoordinator> lookup) {
            this.training = lookup;
            return this;
        }

        /** One coordinator for its own symbol only. */
        public Builder training(TrainingCoordinator coordinator) {
            this.training = s -> coordinator != null && coordinator.config().symbol().equals(s) ? coordinator : null;
            return this;
        }

        public Builder overlay(OverlaySource source) {
            overlays.add(source);
            return this;
        }

        public Builder overlays(List<OverlaySource> sources) {
            overlays.addAll(sources);
            return this;
        }

        public Builder patterns(PatternSink sink) {
            this.patterns = sink;
            return this;
        }

        public Builder panes(List<Timeframe> timeframes) {
            this.panes = timeframes;
            return this;
        }

        public Builder symbol(Symbol s) {
            this.symbol = s;
            return this;
        }

        public Builder author(String a) {
            this.author = a;
            return this;
        }

        public Builder clock(LongSupplier c) {
            this.clock = c;
            return this;
        }

        public AnnotationContext build() {
            return new AnnotationContext(data, annotations, training, overlays, patterns, panes, symbol, author, clock);
        }
    }
}
