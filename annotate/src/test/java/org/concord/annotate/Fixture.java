package org.concord.annotate;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationService;
import org.concord.annotation.AnnotationStore;
import org.concord.annotation.PatternSink;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.extrema.ExtremaOverlay;
import org.concord.modules.pivots.PivotsOverlay;
import org.concord.store.FrameStore;
import org.concord.training.PredictionOverlay;
import org.concord.training.RealBars;
import org.concord.training.TrainingCommandHandler;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingQueues;
import org.concord.training.frames.AnnotationFrames;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.frames.WindowSource;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.ModelRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Real parts shared by the workspace tests (one per test JVM): the bundled Bitstamp trades fed through a real
 * DataProvider into a real SQLite file in a temp directory, the annotation store and service on it, a small
 * real training coordinator (DJL on CPU), and the real pivots/extrema/prediction overlay sources. The pattern
 * library lives on another branch, so the pattern sink here records what it was given.
 */
final class Fixture {
    static final Symbol BTC = BundledData.BTCUSD;
    static final FrameSpec SPEC = FrameSpec.of(16, Timeframe.M1, Timeframe.M5, Timeframe.H1);

    static Path dir;
    static DataProvider data;
    static FrameStore frames;
    static AnnotationStore store;
    static AnnotationService service;
    static TrainingCoordinator coordinator;
    static TrainingCommandHandler commands;
    static List<OverlaySource> overlays;
    static final List<Saved> patterns = Collections.synchronizedList(new ArrayList<>());

    /** A pattern window handed to the sink. */
    record Saved(String name, BarSeries window) {
    }

    private Fixture() {
    }

    static synchronized void start() {
        if (data != null) {
            return;
        }
        try {
            dir = Files.createTempDirectory("concord-annotate-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data = RealBars.provider(dir, BundledData.bitstampTrades());
        data.flush();
        frames = new FrameStore(data.store().database());
        store = new AnnotationStore(data.store().database(), frames);
        InProcessEventBus bus = new InProcessEventBus();
        coordinator = new TrainingCoordinator(data, frames, new ModelRepository(dir.resolve("models")), bus, new TrainingQueues(), trainingConfig());
        // as the desk's session does: training commands on the bus reach the coordinator this process owns
        commands = new TrainingCommandHandler(bus, List.of(coordinator));
        service = new AnnotationService(store, new AnnotationFrames(new FrameBuilder(WindowSource.of(data), SPEC)), coordinator::frameAdded);
        overlays = List.of(new PivotsOverlay(data), new ExtremaOverlay(data), new PredictionOverlay(data, frames, coordinator.config().modelId()));
        Runtime.getRuntime().addShutdownHook(new Thread(Fixture::stop));
    }

    /** Small enough for a UI test: 3 folds × 12 epochs of an 8-filter CNN on 16-bar windows, history every 6th bar. */
    static TrainingConfig trainingConfig() {
        return TrainingConfig.defaults(BTC).withSpec(SPEC)
                .withLoop(new TrainingLoop.Config(3, -1, 15, new CnnSignalModel.Config(8, 16, 12, 128, 0.003f), 2, 1, 1000, 200, 7))
                .withHistory(true, 6);
    }

    static PatternSink patternSink() {
        return (name, window) -> patterns.add(new Saved(name, window.copy()));
    }

    static AnnotationContext context() {
        start();
        return AnnotationContext.builder(data, service).training(coordinator).overlays(overlays).patterns(patternSink()).symbol(BTC)
                .author("tester").build();
    }

    /** Every test starts without annotations. */
    static void clearAnnotations() {
        start();
        for (Annotation a : store.all()) {
            store.delete(a.id());
        }
        patterns.clear();
    }

    private static void stop() {
        try {
            commands.close();
            coordinator.close();
            data.close();
            data.store().database().close();
        } catch (RuntimeException e) {
            // the JVM is exiting; a temp directory left behind is harmless
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
