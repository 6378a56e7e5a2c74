package org.concord.acceptance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One answer of the desk's scene probe: the showing windows and what a person can see in each (screen bounds,
 * rendered text, popup and toggle states). Read-only; the suite clicks by these bounds with real input.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SceneView(long time, List<Win> windows, String error) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Win(String type, String title, double[] bounds, boolean focused, List<Item> nodes) {
        public Rect rect() {
            return Rect.of(bounds);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String type, String id, String styleClass, List<String> pseudo, double[] bounds, String text, String full,
                       String label, Boolean showing, String value, Boolean selected, boolean disabled) {
        public Rect rect() {
            return Rect.of(bounds);
        }

        public boolean hasClass(String c) {
            return styleClass != null && (" " + styleClass + " ").contains(" " + c + " ");
        }

        public boolean is(String pseudoClass) {
            return pseudo != null && pseudo.contains(pseudoClass);
        }

        /** Text a person reads here (a rendered text node, or a label's text). */
        public String shownText() {
            return text != null ? text : label;
        }
    }

    /** A screen rectangle in pixels. */
    public record Rect(int x, int y, int w, int h) {
        static Rect of(double[] b) {
            return new Rect((int) Math.round(b[0]), (int) Math.round(b[1]), (int) Math.round(b[2]), (int) Math.round(b[3]));
        }

        public int cx() {
            return x + w / 2;
        }

        public int cy() {
            return y + h / 2;
        }

        public Rect inset(int dx, int dy) {
            return new Rect(x + dx, y + dy, Math.max(1, w - 2 * dx), Math.max(1, h - 2 * dy));
        }
    }

    /** The main window (title "Concord — local …" or "Concord — remote …"), if it is up. */
    public Optional<Win> main() {
        return windows.stream().filter(w -> w.title() != null && w.title().startsWith("Concord —") && !w.title().contains("starting")).findFirst();
    }

    /** Every item of every window. */
    public List<Item> items() {
        List<Item> out = new ArrayList<>();
        windows.forEach(w -> out.addAll(w.nodes()));
        return out;
    }

    public Optional<Item> byId(String id) {
        return items().stream().filter(i -> id.equals(i.id())).findFirst();
    }

    public List<Item> all(Predicate<Item> p) {
        return items().stream().filter(p).toList();
    }

    /** The first item whose shown text equals {@code text}. */
    public Optional<Item> byText(String text) {
        return items().stream().filter(i -> text.equals(i.shownText())).findFirst();
    }

    /** Popup windows other than the main one (combo/choice lists, context menus, dialogs). */
    public List<Win> popups() {
        return windows.stream().filter(w -> w.title() == null || !w.title().startsWith("Concord —")).toList();
    }
}
