package org.concord.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.concord.model.BarSeries;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes bars as CSV ({@code open_time_ms,open,high,low,close,volume}) or JSON (by file extension). */
final class BarFiles {
    private BarFiles() {
    }

    static void write(BarSeries bars, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            List<Map<String, Object>> rows = new ArrayList<>(bars.size());
            for (int i = 0; i < bars.size(); i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("openTime", bars.time(i));
                r.put("open", bars.open(i));
                r.put("high", bars.high(i));
                r.put("low", bars.low(i));
                r.put("close", bars.close(i));
                r.put("volume", bars.volume(i));
                rows.add(r);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", 1);
            doc.put("symbol", bars.symbol().code());
            doc.put("timeframe", bars.timeframe().code());
            doc.put("bars", rows);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), doc);
        } else if (name.endsWith(".csv")) {
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("open_time_ms,open,high,low,close,volume\n");
                for (int i = 0; i < bars.size(); i++) {
                    w.write(bars.time(i) + "," + bars.open(i) + "," + bars.high(i) + "," + bars.low(i) + "," + bars.close(i) + "," + bars.volume(i) + "\n");
                }
            }
        } else {
            throw new IllegalArgumentException("output must end in .csv or .json: " + out);
        }
    }
}
