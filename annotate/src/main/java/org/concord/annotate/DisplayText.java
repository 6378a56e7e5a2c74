package org.concord.annotate;

import org.concord.chart.DisplayFormat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages from core name instants in ISO-8601 UTC ({@code 2013-11-27T10:15:00Z}), which is exact but not how the
 * person set up the desk: before a message is shown, each such instant is rewritten in the user's zone
 * ({@code 2013-11-27 11:15:00 Europe/Berlin}).
 */
public final class DisplayText {
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

    private DisplayText() {
    }

    public static String localTimes(String message, DisplayFormat f) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        Matcher m = ISO_INSTANT.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String iso = m.group();
            String shown;
            try {
                shown = f.dateTime(Instant.parse(m.group(1) == null ? iso.replace("Z", ":00Z") : iso).toEpochMilli()) + " " + f.zoneName();
            } catch (DateTimeParseException e) {
                shown = iso;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
