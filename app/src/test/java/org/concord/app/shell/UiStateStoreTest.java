package org.concord.app.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UiStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndLeavesNoTemporaryFile() throws Exception {
        UiStateStore store = new UiStateStore(dir);
        assertThat(store.load()).isEqualTo(UiState.DEFAULT);
        UiState s = UiState.DEFAULT.withTheme("light").withWindow(10, 20, 1600, 1000, false).withTab("training").withChart("ETHUSD", "5m")
                .withZone("Europe/Berlin");
        store.save(s);
        assertThat(store.load()).isEqualTo(s);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(UiStateStore.FILE);
        }
    }

    @Test
    void aBrokenFileGivesTheDefaultsAndIsReplacedOnlyBySave() throws Exception {
        UiStateStore store = new UiStateStore(dir);
        Files.writeString(store.file(), "{ \"theme\": \"light\", ");
        assertThat(store.load()).isEqualTo(UiState.DEFAULT);
        assertThat(Files.readString(store.file())).isEqualTo("{ \"theme\": \"light\", ");
        store.save(UiState.DEFAULT.withTheme("light"));
        assertThat(store.load().theme()).isEqualTo("light");
    }

    @Test
    void outOfRangeValuesAreRepairedByStatedRules() {
        UiState s = new UiState(1, "purple", Double.NaN, Double.NaN, 10, Double.NaN, false, null, "", null, null);
        assertThat(s.theme()).isEqualTo("dark");
        assertThat(s.width()).isEqualTo(1400);
        assertThat(s.height()).isEqualTo(900);
        assertThat(s.symbol()).isEqualTo("BTCUSD");
        assertThat(s.tab()).isEqualTo("live");
        assertThat(s.zone()).isEqualTo("UTC");
        assertThat(new UiState(1, "dark", 0, 0, 1400, 900, false, "live", "BTCUSD", "1m", "Mars/Olympus").zone()).isEqualTo("UTC");
    }
}
