package org.concord.annotate.view;

import org.concord.annotate.Background;
import org.concord.annotate.chart.CandlePane;
import org.concord.chart.OverlayMark;
import org.concord.chart.OverlaySource;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the enabled {@link OverlaySource}s for the marks of each pane's loaded range on the background thread and
 * hands them to the pane's overlay layer. At most one request per pane in flight; changes meanwhile coalesce
 * into one follow-up request.
 */
public final class OverlayLoader {
    private final List<OverlaySource> sources;
    private final Background bg;
    private final Set<String> enabled = new LinkedHashSet<>();
    private final Map<CandlePane, Boolean> inFlight = new IdentityHashMap<>();
    private final Map<CandlePane, Boolean> again = new IdentityHashMap<>();

    public OverlayLoader(List<OverlaySource> sources, Background bg) {
        this.sources = List.copyOf(sources);
        this.bg = bg;
        for (OverlaySource s : sources) {
            enabled.add(s.id());
        }
    }

    public List<OverlaySource> sources() {
        return sources;
    }

    public boolean isEnabled(String id) {
        return enabled.contains(id);
    }

    /** Turns a source on or off for every pane. */
    public void setEnabled(String id, boolean on, List<CandlePane> panes) {
        if (on ? enabled.add(id) : enabled.remove(id)) {
            for (CandlePane p : panes) {
                if (!on) {
                    p.overlayLayer().setMarks(id, List.of());
                }
                refresh(p);
            }
        }
    }

    /** Recomputes the marks of {@code p}'s loaded range. */
    public void refresh(CandlePane p) {
        if (p.bars().isEmpty() || enabled.isEmpty()) {
            return;
        }
        if (Boolean.TRUE.equals(inFlight.get(p))) {
            again.put(p, true);
            return;
        }
        inFlight.put(p, true);
        Symbol s = p.symbol();
        Timeframe tf = p.timeframe();
        long from = p.bars().firstTime();
        long to = p.bars().lastTime();
        List<OverlaySource> want = new ArrayList<>();
        for (OverlaySource src : sources) {
            if (enabled.contains(src.id())) {
                want.add(src);
            }
        }
        bg.run("overlays for " + s + " " + tf, () -> {
            Map<String, List<OverlayMark>> out = new LinkedHashMap<>();
            for (OverlaySource src : want) {
                out.put(src.id(), src.marks(s, tf, from, to));
            }
            return out;
        }, marks -> {
            done(p);
            if (p.symbol().equals(s)) {
                marks.forEach((id, list) -> p.overlayLayer().setMarks(id, enabled.contains(id) ? list : List.of()));
            }
        }, () -> done(p));
    }

    private void done(CandlePane p) {
        inFlight.put(p, false);
        if (Boolean.TRUE.equals(again.remove(p))) {
            refresh(p);
        }
    }

    /** Forgets every pane's marks (another symbol). */
    public void clear(List<CandlePane> panes) {
        for (CandlePane p : panes) {
            for (OverlaySource src : sources) {
                p.overlayLayer().setMarks(src.id(), List.of());
            }
        }
    }
}
