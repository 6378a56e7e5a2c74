package org.concord.app.shell;

import javafx.scene.control.TableCell;
import org.controlsfx.control.ToggleSwitch;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A table cell with an on/off switch for its row (a module, a model). A flip by the user is sent; a snapshot only
 * sets what the row reports. Tables hand their cells to other rows whenever the rows are replaced, and the switch
 * animates every change of its state: re-used as is, a cell that showed a switched-off row moved its thumb again
 * and again for rows that never changed. So a cell that is given another row gets a fresh switch in that row's
 * state (no animation), and only a real change of the same row's state moves the thumb.
 *
 * @param <T> the row type
 */
public final class SwitchCell<T> extends TableCell<T, T> {
    private final String idPrefix;
    private final Function<T, String> key;
    private final Predicate<T> on;
    private final Predicate<T> disabled;
    private final BiConsumer<T, Boolean> send;
    private ToggleSwitch toggle;
    private String shown;
    private boolean updating;

    /**
     * @param idPrefix the switch's node id is {@code idPrefix + key(row)}
     * @param key      identifies the row (module or model id)
     * @param on       the state the row reports
     * @param disabled when the switch cannot be used for the row
     * @param send     what a user's flip does (row, new state)
     */
    public SwitchCell(String idPrefix, Function<T, String> key, Predicate<T> on, Predicate<T> disabled, BiConsumer<T, Boolean> send) {
        this.idPrefix = idPrefix;
        this.key = key;
        this.on = on;
        this.disabled = disabled;
        this.send = send;
    }

    /** The switch shown now, or null (tests). */
    public ToggleSwitch toggle() {
        return toggle;
    }

    @Override
    protected void updateItem(T row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            shown = null;
            setGraphic(null);
            return;
        }
        String k = key.apply(row);
        boolean state = on.test(row);
        if (toggle == null || !k.equals(shown)) {
            toggle = fresh(state);
            shown = k;
        } else if (toggle.isSelected() != state) {
            updating = true;
            try {
                toggle.setSelected(state);
            } finally {
                updating = false;
            }
        }
        toggle.setId(idPrefix + k);
        toggle.setDisable(disabled.test(row));
        setGraphic(toggle);
    }

    private ToggleSwitch fresh(boolean state) {
        ToggleSwitch t = new ToggleSwitch();
        t.setSelected(state);
        t.selectedProperty().addListener((obs, was, now) -> {
            T r = getItem();
            if (!updating && r != null && t == toggle) {
                send.accept(r, now);
            }
        });
        return t;
    }
}
