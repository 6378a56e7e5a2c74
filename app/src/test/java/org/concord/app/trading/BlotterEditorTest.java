package org.concord.app.trading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working table's editable quantity and price cells. Seen on the real display: a limit at 800 read "800.0" in the
 * price column, beside "891.51" for the order dragged from it, where every other amount on the desk reads "800.00".
 */
class BlotterEditorTest {
    @Test
    void editableCellsWriteAmountsAsTheRestOfTheDesk() {
        assertThat(Blotter.LENIENT.toString(800.0)).isEqualTo("800.00");
        assertThat(Blotter.LENIENT.toString(891.51)).isEqualTo("891.51");
        assertThat(Blotter.LENIENT.toString(0.1)).isEqualTo("0.1");
        assertThat(Blotter.LENIENT.toString(null)).as("a market order's price cell").isEmpty();
    }

    @Test
    void typedTextIsReadLeniently() {
        assertThat(Blotter.LENIENT.fromString("1,234.5")).isEqualTo(1234.5);
        assertThat(Blotter.LENIENT.fromString("800.00")).isEqualTo(800.0);
        assertThat(Blotter.LENIENT.fromString("abc")).as("refused in the answer line, not thrown on the FX thread").isNull();
    }
}
