package org.concord.app.trading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot's crosses stand out on the plot of the theme they are drawn on: a contrast of 3 to 1 at least, the least a
 * graphic a person must make out needs (WCAG's non-text contrast). The plot's colours are the screen's own pixels: the
 * dark theme's #2f2f2f, the light theme's #f6f6f6.
 */
class FillMarkLookTest {
    private static final int DARK_PLOT = 0x2f2f2f;
    private static final int LIGHT_PLOT = 0xf6f6f6;

    @Test
    void theBotsCrossesStandOutOnTheirThemesPlot() {
        for (int rgb : new int[] {FillMarkLook.BOT.buyRgb(), FillMarkLook.BOT.sellRgb()}) {
            assertThat(contrast(rgb, DARK_PLOT)).as("#%06x on the dark plot", rgb).isGreaterThanOrEqualTo(3.0);
        }
        for (int rgb : new int[] {FillMarkLook.BOT_ON_LIGHT.buyRgb(), FillMarkLook.BOT_ON_LIGHT.sellRgb()}) {
            assertThat(contrast(rgb, LIGHT_PLOT)).as("#%06x on the light plot", rgb).isGreaterThanOrEqualTo(3.0);
        }
        // why the light theme has a look of its own: the bright crosses there
        assertThat(contrast(FillMarkLook.BOT.sellRgb(), LIGHT_PLOT)).isLessThan(1.5);
    }

    @Test
    void theLightLookIsTheBotsOwnMarkInOtherColours() {
        assertThat(FillMarkLook.BOT_ON_LIGHT.owner()).isEqualTo(FillMarkLook.BOT.owner());
        assertThat(FillMarkLook.BOT_ON_LIGHT.markerType()).isEqualTo(FillMarkLook.BOT.markerType());
        assertThat(FillMarkLook.BOT_ON_LIGHT.size()).isEqualTo(FillMarkLook.BOT.size());
    }

    /** WCAG 2 contrast ratio of two sRGB colours. */
    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int c) {
        double v = c / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
