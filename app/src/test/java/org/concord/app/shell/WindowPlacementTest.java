package org.concord.app.shell;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPlacementTest {
    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1600, 1000);

    @Test
    void aFirstStartIsCentredAndWhollyOnScreen() {
        WindowPlacement p = WindowPlacement.place(UiState.DEFAULT, List.of(SCREEN));
        assertThat(p).isEqualTo(new WindowPlacement(100, 50, 1400, 900));
    }

    @Test
    void aRememberedPlaceThatStillFitsIsKept() {
        WindowPlacement p = WindowPlacement.place(UiState.DEFAULT.withWindow(30, 40, 1200, 800, false), List.of(SCREEN));
        assertThat(p).isEqualTo(new WindowPlacement(30, 40, 1200, 800));
    }

    @Test
    void partlyOffScreenIsPulledBackAndTooLargeIsShrunk() {
        // the splash's place kept for the full window: 480,233 + 1400x900 ran off a 1600x1000 screen
        assertThat(WindowPlacement.place(UiState.DEFAULT.withWindow(480, 233, 1400, 900, false), List.of(SCREEN)))
                .isEqualTo(new WindowPlacement(200, 100, 1400, 900));
        assertThat(WindowPlacement.place(UiState.DEFAULT.withWindow(0, 0, 2560, 1440, false), List.of(SCREEN)))
                .isEqualTo(new WindowPlacement(0, 0, 1600, 1000));
    }

    @Test
    void aScreenThatIsGoneMeansCentredOnThePrimary() {
        Rectangle2D second = new Rectangle2D(1600, 0, 1920, 1080);
        UiState onSecond = UiState.DEFAULT.withWindow(2000, 100, 1400, 900, false);
        assertThat(WindowPlacement.place(onSecond, List.of(SCREEN, second))).isEqualTo(new WindowPlacement(2000, 100, 1400, 900));
        assertThat(WindowPlacement.place(onSecond, List.of(SCREEN))).isEqualTo(new WindowPlacement(100, 50, 1400, 900));
    }
}
