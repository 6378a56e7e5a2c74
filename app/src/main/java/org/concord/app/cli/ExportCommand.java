package org.concord.app.cli;

import org.concord.store.Direction;
import org.concord.engine.ConcordRuntime;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code concord export}: stored bars of one symbol/timeframe to CSV or JSON. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export stored bars to CSV or JSON.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--symbol", required = true, description = "e.g. BTCUSD")
    String symbol;

    @Option(names = "--timeframe", defaultValue = "1m")
    String timeframe;

    @Option(names = "--out", required = true, description = "output file, .csv or .json")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path dataDir = common.dataDir();
        common.validatedConfig(dataDir);
        try (ConcordRuntime engine = new ConcordRuntime(dataDir)) {
            BarSeries bars = engine.data().bars(Symbol.of(symbol), Timeframe.ofCode(timeframe),
                    common.fromMillis(Long.MIN_VALUE), common.toMillis(Long.MAX_VALUE), Integer.MAX_VALUE, Direction.LATEST);
            if (bars.isEmpty()) {
                System.err.println("no stored " + timeframe + " bars for " + symbol + " in that range (run `concord replay` first?)");
                return 1;
            }
            BarFiles.write(bars, out);
            System.out.println("wrote " + bars.size() + " bars to " + out);
            return 0;
        }
    }
}
