package org.concord.acceptance;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** The judge's reading of cut text and of a label's pixels, without a display. */
class JudgeTest {
    @Test
    void aCutIsTheFullTextsStartAndEndAroundAnEllipsis() {
        assertThat(Judge.cutFrom("Timefra…", "Timeframe")).isTrue();
        assertThat(Judge.cutFrom("Sy...", "Symbol")).isTrue();
        assertThat(Judge.cutFrom("Last s…nals", "Last signals")).as("centre ellipsis").isTrue();
        assertThat(Judge.cutFrom("…", "Train now")).as("nothing left but the ellipsis").isTrue();
        assertThat(Judge.cutFrom("Loading…", "showing BTCUSD")).as("a text not re-rendered yet").isFalse();
        assertThat(Judge.cutFrom("Export…", "Export…")).as("an ellipsis that belongs to the label").isFalse();
        assertThat(Judge.cutFrom("Timeframe", "Timeframe 1m")).as("no ellipsis").isFalse();
    }

    /** A hover label's box: dark, with a lighter border; letters light on it, or none (the box drawn empty). */
    @Test
    void inkIsTheLettersOnABoxNotTheBoxNorItsBorder() {
        BufferedImage empty = box();
        SceneView.Rect inside = new SceneView.Rect(10, 10, 200, 40).inset(2, 2);
        assertThat(Judge.inkPixels(empty, inside)).as("an empty box").isZero();
        BufferedImage lettered = box();
        Graphics2D g = lettered.createGraphics();
        g.setColor(new Color(0xc9d1d9));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("your BUY 0.1 @ 905.12", 16, 32);
        g.dispose();
        assertThat(Judge.inkPixels(lettered, inside)).as("letters on the box").isGreaterThanOrEqualTo(150);
    }

    @Test
    void aMarksCentreIsTheMeanOfItsPixels() {
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x2962ff));
        g.fillRect(40, 60, 7, 7); // pixels 40..46 and 60..66
        g.fillRect(80, 20, 7, 7); // a second mark further right
        g.dispose();
        assertThat(Judge.centreOf(img, new SceneView.Rect(0, 0, 100, 100), 0x2962ff)).containsExactly(43, 63);
    }

    private static BufferedImage box() {
        BufferedImage img = new BufferedImage(220, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x161b22));
        g.fillRect(10, 10, 200, 40);
        g.setColor(new Color(0x8b949e));
        g.drawRect(10, 10, 199, 39);
        g.dispose();
        return img;
    }
}
