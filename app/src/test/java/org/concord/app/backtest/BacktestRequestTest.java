package org.concord.app.backtest;

import org.concord.backtest.BacktestConfig;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Backtest tab's form becomes the backtest's config, or a refusal that names the bad field. */
class BacktestRequestTest {
    @Test
    void theFormsRequestBecomesTheBacktestConfigOrNamesTheBadField() {
        BacktestRequest r = new BacktestRequest("full", "bundled-bars", new BacktestRequest.Account("25,000", "5", " 1.5"), null,
                new BacktestRequest.WalkForward("2d", "1d", " "), true);
        BacktestConfig c = r.config();
        assertThat(c.preset()).isEqualTo("full");
        assertThat(c.data()).isEqualTo("bundled-bars");
        assertThat(c.walkForward().stepMillis()).isEqualTo(c.walkForward().testMillis());
        assertThat(c.horizons()).containsExactly(5, 240);
        assertThat(c.synergy()).isTrue();
        assertThat(c.initialCash()).isEqualTo(25_000);
        assertThat(c.makerBps()).isEqualTo(5);
        assertThat(c.takerBps()).isEqualTo(5);
        assertThat(c.slippageBps()).isEqualTo(1.5);
        assertThat(c.description()).contains("capital 25,000 USD, fee 5 bps, slippage 1.5 bps");
        assertThat(r.runName(ZonedDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))).isEqualTo("full-bundled-bars-wf-synergy-20250102-030405");
        assertThatThrownBy(() -> new BacktestRequest("minimal", "bundled", null, null, new BacktestRequest.WalkForward("2x", "1d", ""), false).config())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("walkForward.train");
        assertThatThrownBy(() -> new BacktestRequest("tiny", "bundled", null, null, null, false)).hasMessageContaining("preset");
        assertThatThrownBy(() -> new BacktestRequest("full", "bundled", new BacktestRequest.Account("ten", "10", "2"), null, null, false).config())
                .hasMessage("capital must be a number, got 'ten'");
        assertThatThrownBy(() -> new BacktestRequest("full", "bundled", new BacktestRequest.Account("-5", "10", "2"), null, null, false).config())
                .hasMessage("capital must be more than 0 USD, got '-5'");
        // a negative fee passed the maker check and was refused as "takerBps", a name the form does not show
        assertThatThrownBy(() -> new BacktestRequest("full", "bundled", new BacktestRequest.Account("10000", "-5", "2"), null, null, false).config())
                .hasMessage("fee must be between 0 and 1000 bps, got '-5'");
        assertThatThrownBy(() -> new BacktestRequest("full", "bundled", new BacktestRequest.Account("10000", "10", "1e4"), null, null, false).config())
                .hasMessage("slippage must be between 0 and 1000 bps, got '1e4'");
        assertThatThrownBy(() -> new BacktestRequest("full", "bundled", new BacktestRequest.Account("10000", "10", ""), null, null, false).config())
                .hasMessage("slippage must be a number, got ''");
        BacktestConfig defaults = new BacktestRequest("full", "bundled", null, null, null, false).config();
        assertThat(defaults.initialCash()).isEqualTo(BacktestConfig.defaults().initialCash());
    }

    /** Dates as a person types them, in the desk's display zone: a date alone as "to" includes that day. */
    @Test
    void theDatesTypedAreTheRangeTradedInTheDesksZone() {
        BacktestConfig utc = request(new BacktestRequest.Range("2013-11-27", "2013-11-28", ZoneOffset.UTC)).config();
        assertThat(utc.from()).isEqualTo("2013-11-27T00:00:00Z");
        assertThat(utc.to()).as("the 28th included").isEqualTo("2013-11-29T00:00:00Z");
        BacktestConfig berlin = request(new BacktestRequest.Range(" 2013-11-27 09:30", "2013-11-27 17:00 ", ZoneId.of("Europe/Berlin"))).config();
        assertThat(berlin.from()).isEqualTo("2013-11-27T08:30:00Z");
        assertThat(berlin.to()).as("a time is where the range ends").isEqualTo("2013-11-27T16:00:00Z");
        assertThat(berlin.description()).contains("2013-11-27 09:30 to 2013-11-27 17:00 Europe/Berlin");
        BacktestConfig open = request(new BacktestRequest.Range("", "2013-11-28", ZoneOffset.UTC)).config();
        assertThat(open.from()).as("blank: from the first bar").isNull();
        assertThat(open.to()).isEqualTo("2013-11-29T00:00:00Z");
        assertThat(request(new BacktestRequest.Range(" ", "", ZoneOffset.UTC)).config().from()).as("both blank: all of the data").isNull();
        assertThatThrownBy(() -> request(new BacktestRequest.Range("27.11.2013", "", ZoneOffset.UTC)).config())
                .hasMessage("from must be a date (2013-11-27) or a date and time (2013-11-27 12:00), got '27.11.2013'");
        // said in the dates typed, not in the instant the form made of them ("is not before to 2013-11-28T00:00:00Z")
        assertThatThrownBy(() -> request(new BacktestRequest.Range("2013-11-29", "2013-11-27", ZoneOffset.UTC)).config())
                .hasMessage("from 2013-11-29 must be before to 2013-11-27 (a date as 'to' includes that day)");
        assertThatThrownBy(() -> request(new BacktestRequest.Range("2013-11-27 12:00", "2013-11-27 11:00", ZoneOffset.UTC)).config())
                .hasMessage("from 2013-11-27 12:00 must be before to 2013-11-27 11:00");
    }

    private static BacktestRequest request(BacktestRequest.Range range) {
        return new BacktestRequest("full", "bundled-bars", null, range, null, false);
    }
}
