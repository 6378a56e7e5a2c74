package org.concord.app.cli;

import org.concord.annotation.AnnotationJson;
import org.concord.app.annotate.AnnotationServices;
import org.concord.data.CsvBarImporter;
import org.concord.engine.ConcordRuntime;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code concord import bars|annotations FILE}: files into the store, never overwriting silently. Bars that differ
 * from stored ones (an exchange's, an earlier import's) are kept unless {@code --replace}; {@code --dry-run} only
 * reports what the import would change. Annotations whose id is stored are skipped unless {@code --replace}.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import bars (CSV) or annotations (JSON) into the store; "
        + "stored data is kept unless --replace.", subcommands = {ImportCommand.Bars.class, ImportCommand.Annotations.class})
public final class ImportCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code concord import bars FILE --symbol S [--timeframe 1d] [--replace] [--dry-run]}. */
    @Command(name = "bars", mixinStandardHelpOptions = true, description = "Import a CSV bar file (docs/data.md) as closed bars of one symbol "
            + "and timeframe. Prints the plan (new, unchanged, differing, future, rejected rows), then what was written.")
    static final class Bars implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", description = "the CSV file (UTF-8)")
        Path file;

        @Option(names = "--symbol", required = true, description = "e.g. DXY, VIX, BTCUSDT")
        String symbol;

        @Option(names = "--timeframe", defaultValue = "1d", description = "timeframe of the rows (default 1d)")
        String timeframe;

        @Option(names = "--replace", description = "rows that differ from a stored bar replace it (default: the stored bar is kept)")
        boolean replace;

        @Option(names = "--dry-run", description = "only report what the import would change; write nothing")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            Path dataDir = common.dataDir();
            common.validatedConfig(dataDir);
            try (ConcordRuntime engine = new ConcordRuntime(dataDir)) {
                CsvBarImporter.Result r = CsvBarImporter.importFile(file, Symbol.of(symbol), Timeframe.ofCode(timeframe), engine.data(),
                        new CsvBarImporter.Options(replace, dryRun));
                engine.data().flush();
                System.out.println(r.summary());
                return 0;
            }
        }
    }

    /** {@code concord import annotations FILE [--replace]}. */
    @Command(name = "annotations", mixinStandardHelpOptions = true, description = "Import an annotation file (the desk's JSON export). "
            + "A bad record imports nothing and is named; an id already stored is skipped unless --replace.")
    static final class Annotations implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", description = "the JSON file")
        Path file;

        @Option(names = "--replace", description = "an annotation whose id is stored replaces it (default: it is skipped and counted)")
        boolean replace;

        @Override
        public Integer call() throws Exception {
            Path dataDir = common.dataDir();
            common.validatedConfig(dataDir);
            try (ConcordRuntime engine = new ConcordRuntime(dataDir); InputStream in = Files.newInputStream(file)) {
                AnnotationJson.ImportResult r = AnnotationServices.open(engine, null, null).annotations().importJson(in, replace);
                System.out.println(file.getFileName() + ": " + r.summary());
                return 0;
            }
        }
    }
}
