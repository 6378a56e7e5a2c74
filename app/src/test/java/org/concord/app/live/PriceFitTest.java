package org.concord.app.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The price axis fits the bars and the lines near them; a far line leaves the candles their height. */
class PriceFitTest {
    @Test
    void withoutLinesTheBarsArePaddedBySixPerCent() {
        assertThat(PriceFit.of(900, 1000, new double[0])).containsExactly(894, 1006);
    }

    @Test
    void aLineWithinHalfTheBarsRangeIsFitted() {
        double[] fit = PriceFit.of(900, 1000, new double[] {860, 1049});
        assertThat(fit[0]).isCloseTo(860 - 0.06 * 189, within(1e-9));
        assertThat(fit[1]).isCloseTo(1049 + 0.06 * 189, within(1e-9));
    }

    /** A limit 10 % below the market on a 2 % stretch of candles: fitted, the candles had a sixth of the plot. */
    @Test
    void aFarLineIsNotFittedAndTheCandlesKeepTheirHeight() {
        double[] fit = PriceFit.of(980, 1000, new double[] {900, 1500});
        assertThat(fit).containsExactly(980 - 1.2, 1000 + 1.2);
    }

    @Test
    void theCandlesKeepAtLeastHalfThePlotWhateverTheLines() {
        // bars 880..1120 (range 240, reach 120): lines at both reaches are fitted, those just beyond are not
        double[] fit = PriceFit.of(880, 1120, new double[] {759.9, 760, 1000, 1240, 1240.1, 2000});
        assertThat(fit[0]).isCloseTo(760 - PriceFit.PAD * 480, within(1e-9));
        assertThat(fit[1]).isCloseTo(1240 + PriceFit.PAD * 480, within(1e-9));
        assertThat((1120 - 880) / (fit[1] - fit[0])).as("the candles' share of the axis")
                .isGreaterThanOrEqualTo(0.5 / (1 + 2 * PriceFit.PAD) - 1e-12);
    }

    @Test
    void aFlatStretchIsPaddedByItsPrice() {
        double[] fit = PriceFit.of(1000, 1000, new double[] {1000.5});
        assertThat(fit[0]).isCloseTo(999.9, within(1e-9));
        assertThat(fit[1]).isCloseTo(1000.1, within(1e-9));
    }

    @Test
    void barsWithTheLowAboveTheHighAreABug() {
        assertThatThrownBy(() -> PriceFit.of(1000, 900, new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
