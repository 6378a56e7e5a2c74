package org.concord.orchestrator;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test module that misbehaves on purpose: from decision call {@code from} to {@code to} (counted on features()
 * calls) it throws, returns NaN, overruns, or hangs; otherwise it returns one feature (the last close) and BUY 0.5.
 */
public final class ScriptedModule implements OrchestratorModule {
    public enum Fault { NONE, THROW, NAN, SLOW, HANG }

    private final String id;
    private final Fault fault;
    private final int from;
    private final int to;
    public final AtomicInteger calls = new AtomicInteger();
    public static volatile boolean release;
    private double close;
    private final double[] out = new double[1];

    public ScriptedModule(String id, Fault fault, int from, int to) {
        this.id = id;
        this.fault = fault;
        this.from = from;
        this.to = to;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void initialize(ModuleContext ctx) {
    }

    @Override
    public Set<Timeframe> timeframes() {
        return java.util.EnumSet.allOf(Timeframe.class);
    }

    @Override
    public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
        close = c;
    }

    @Override
    public List<String> featureNames() {
        return List.of("close");
    }

    @Override
    public double[] features(Symbol symbol) {
        int n = calls.incrementAndGet();
        out[0] = close;
        if (n >= from && n <= to) {
            switch (fault) {
                case THROW -> throw new IllegalStateException("scripted failure at call " + n);
                case NAN -> out[0] = Double.NaN;
                case SLOW -> spin(20);
                case HANG -> {
                    while (!release) {
                        sleep(5); // ignores interrupts: a module that never comes back
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    private static void sleep(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException ignored) {
                // keep going: the point is to not return
            }
        }
    }

    /**
     * Burns {@code ms} of this thread's CPU time (a slow computation): on a loaded machine the call takes longer on
     * the wall clock, but the guard must still see the module's own work over budget.
     */
    private static void spin(long ms) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + ms * 1_000_000;
        double x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            x += Math.sqrt(x + 1);
        }
        if (x < 0) {
            throw new AssertionError();
        }
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        return List.of(new Prediction(id, symbol, 0, Action.BUY, 0.5, Timeframe.M1, 1, "scripted"));
    }

    @Override
    public void reset() {
        close = 0;
    }
}
