package org.concord.bench;

import org.concord.data.BarListener;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.ReplayFeed;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.OrchestratorConfig;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrator's measurement bodies, shared by {@code OrchestratorBench} (modules tests) and {@code concord
 * bench}: per-decision latency and decisions per second at max replay speed. The modules come from the classpath
 * (ServiceLoader), so core needs no compile-time dependency on them.
 */
public final class DecisionFigures {
    private DecisionFigures() {
    }

    /** The config with a 1 s budget: on a shared machine an overrun must not switch a module off mid-measurement. */
    public static OrchestratorConfig relaxed(OrchestratorConfig c) {
        return c.withFaults(new FaultPolicy(1_000_000, 3, 100, 20, 10_000));
    }

    /**
     * One max-speed replay of {@code tape} through a fresh engine in {@code dir}: the latency (ns) from each 1m bar
     * close reaching the orchestrator to the decision published (synchronous config: both on the replay thread).
     */
    public static long[] latencies(OrchestratorConfig cfg, Path dir, TradeTape tape) throws InterruptedException {
        return measure(cfg, dir, tape, false).wall();
    }

    /**
     * As {@link #latencies}, with each decision's thread CPU time beside its wall time: what tells a slow decision
     * (its own work) from a stopped thread (preempted by another runnable thread, or held at a GC safepoint). Reading
     * the CPU clock is a system call on this kind of VM and would move the latencies, so it is a pass of its own.
     */
    public static Clocked clocked(OrchestratorConfig cfg, Path dir, TradeTape tape) throws InterruptedException {
        return measure(cfg, dir, tape, true);
    }

    /** Per decision, wall and thread-CPU nanoseconds (cpu null when not clocked). */
    public record Clocked(long[] wall, long[] cpu) {
        /** Decisions that took longer than {@code nanos}. */
        public int over(long nanos) {
            return (int) Arrays.stream(wall).filter(w -> w > nanos).count();
        }

        /** Of those, the ones whose thread was on the CPU for less than half of their wall time. */
        public int offCpu(long nanos) {
            int n = 0;
            for (int i = 0; i < wall.length; i++) {
                if (wall[i] > nanos && cpu[i] < wall[i] / 2) {
                    n++;
                }
            }
            return n;
        }
    }

    private static Clocked measure(OrchestratorConfig cfg, Path dir, TradeTape tape, boolean cpuClock) throws InterruptedException {
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            long[] lat = new long[tape.size() / 4 + 16];
            long[] cpu = cpuClock ? new long[lat.length] : null;
            int[] n = new int[1];
            TradingOrchestrator orch = timed(engine, cfg, cpuClock, (wall, ownCpu) -> {
                if (n[0] < lat.length) {
                    lat[n[0]] = wall;
                    if (cpuClock) {
                        cpu[n[0]] = ownCpu;
                    }
                    n[0]++;
                }
            });
            play(engine, tape);
            orch.close();
            return new Clocked(Arrays.copyOf(lat, n[0]), cpuClock ? Arrays.copyOf(cpu, n[0]) : null);
        }
    }

    /** One 1m decision's wall time and, where clocked, its thread's CPU time (else 0), in ns. */
    @FunctionalInterface
    private interface Timed {
        void decided(long wallNanos, long cpuNanos);
    }

    /**
     * Starts an orchestrator on {@code engine} between two bar-close listeners that time each 1m decision on the replay
     * thread: listeners run in subscription order, so the first notes the clocks before the orchestrator's own and the
     * second reads them after it.
     */
    private static TradingOrchestrator timed(ConcordRuntime engine, OrchestratorConfig cfg, boolean cpuClock, Timed sink) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] start = new long[2];
        engine.data().subscribeBarCloses(new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                if (tf == Timeframe.M1) {
                    start[1] = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
                    start[0] = System.nanoTime();
                }
            }
        });
        TradingOrchestrator orch = TradingOrchestrator.on(engine.data(), cfg, null, null);
        orch.start();
        engine.data().subscribeBarCloses(new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                if (tf == Timeframe.M1) {
                    long wall = System.nanoTime() - start[0];
                    sink.decided(wall, cpuClock ? threads.getCurrentThreadCpuTime() - start[1] : 0);
                }
            }
        });
        return orch;
    }

    /**
     * What a desk that stays open sees: one engine and orchestrator, the tape looped (each loop shifted to later days
     * and price-scaled, {@link ReplayFeed}), latencies taken once the JIT has settled. Each fresh-engine pass of
     * {@link #latencies} still has the JIT compiling through it (hundreds of ms of C2 time per pass on a 2-core VM), so
     * its tail is partly a benchmark artefact. A window is one tape's worth of decisions; warm-up windows run at max
     * speed until two in a row compile for under {@value #SETTLED_JIT_MILLIS} ms (at most {@code maxWarm}), then
     * {@code measured} windows are recorded at {@code speed}.
     *
     * <p>At {@link ReplayFeed#MAX_SPEED} the replay saturates the machine: the store writer and neural-fusion's
     * trainer then compete with the decision thread for the cores, and the tail is theirs (README, issue 16). A paced
     * speed ({@link #PACED_SPEED}) leaves them room, as a desk has: the latency a trader's decisions see. Both are
     * reported; neither replaces the other.
     */
    public static SteadyState steady(OrchestratorConfig cfg, Path dir, TradeTape tape, int maxWarm, int measured, double speed)
            throws InterruptedException {
        return steady(cfg, dir, tape, maxWarm, measured, speed, false);
    }

    /**
     * As {@link #steady(OrchestratorConfig, Path, TradeTape, int, int, double)}; with {@code cpuClock} each decision's
     * thread CPU time is read beside its wall time (a pass of its own: the read moves the latencies, see {@link #clocked}).
     */
    public static SteadyState steady(OrchestratorConfig cfg, Path dir, TradeTape tape, int maxWarm, int measured, double speed,
                                     boolean cpuClock) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int window = minutes(tape);
        long[] lat = new long[window * measured];
        long[] cpus = new long[cpuClock ? lat.length : 0];
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            ReplayFeed feed = new ReplayFeed(tape, engine.data(), ReplayFeed.MAX_SPEED, true);
            SteadyCounter counter = new SteadyCounter(jit, window, maxWarm, measured, () -> feed.setSpeed(speed));
            TradingOrchestrator orch = timed(engine, cfg, cpuClock, (wall, cpu) -> {
                int i = counter.decided();
                if (i >= 0) {
                    lat[i] = wall;
                    if (cpuClock) {
                        cpus[i] = cpu;
                    }
                }
            });
            feed.start();
            boolean done = counter.await(10, TimeUnit.MINUTES);
            feed.stop();
            orch.close();
            if (!done) {
                throw new IllegalStateException("the looped replay did not reach " + measured + " measured windows in 10 minutes");
            }
            return new SteadyState(lat, cpus, counter.warmWindows, counter.measuredJitMillis(), lat.length / counter.measuredSeconds());
        }
    }

    /**
     * The replay speed of the paced steady-state figure: 60,000× makes about a thousand 1m decisions a second, a
     * hundred times the desk's fastest replay (600×), and leaves the machine's other threads room to keep up.
     */
    public static final double PACED_SPEED = 60_000;

    /** Compilation time per window under which the JIT counts as settled. */
    static final long SETTLED_JIT_MILLIS = 20;

    /**
     * Latencies (ns) of the measured windows, their thread CPU times (empty when not clocked), how many warm-up windows
     * ran, the JIT's time during the measured ones, and the measured decisions per second (the pace they were taken at).
     */
    public record SteadyState(long[] wall, long[] cpu, int warmWindows, long jitMillisMeasured, double decisionsPerSecond) {
        /**
         * Of the decisions at or above the {@code percentile} of wall time, the share (%) whose thread was on the CPU
         * for at least half of it: their own work, not a preemption (clocked runs only).
         */
        public double onCpuShareOfSlowest(double percentile) {
            if (cpu.length != wall.length || wall.length == 0) {
                throw new IllegalStateException("not a CPU-clocked run");
            }
            long[] sorted = wall.clone();
            Arrays.sort(sorted);
            long from = sorted[Math.min(sorted.length - 1, (int) Math.floor(percentile / 100 * sorted.length))];
            int slow = 0;
            int onCpu = 0;
            for (int i = 0; i < wall.length; i++) {
                if (wall[i] >= from) {
                    slow++;
                    if (cpu[i] >= wall[i] / 2) {
                        onCpu++;
                    }
                }
            }
            return 100.0 * onCpu / slow;
        }
    }

    /** The minutes with trades in {@code tape}: the 1m decisions one looped pass makes (a single pass leaves its last open). */
    static int minutes(TradeTape tape) {
        int n = 0;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < tape.size(); i++) {
            long m = Math.floorDiv(tape.time(i), Timeframe.M1.millis());
            if (m != last) {
                n++;
                last = m;
            }
        }
        return n;
    }

    /** Plays {@code tape} at max speed into the engine; returns the seconds it took. */
    public static double play(ConcordRuntime engine, TradeTape tape) throws InterruptedException {
        ReplayFeed feed = new ReplayFeed(tape, engine.data(), ReplayFeed.MAX_SPEED, false);
        long t0 = System.nanoTime();
        feed.start();
        if (!feed.awaitFinished(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("replay did not finish");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Decisions per second end to end (trades → DataProvider → orchestrator) of one pass, and what ran. */
    public record Throughput(long decisions, double seconds, long modulesRunning, long modulesEnabled) {
        public double decisionsPerSecond() {
            return decisions / seconds;
        }
    }

    /** One pass of {@code tape} through a fresh engine in {@code dir} with an orchestrator on {@code cfg}. */
    public static Throughput throughput(OrchestratorConfig cfg, Path dir, TradeTape tape) throws InterruptedException {
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            TradingOrchestrator orch = TradingOrchestrator.on(engine.data(), cfg, null, null).start();
            double s = play(engine, tape);
            orch.awaitIdle(60, TimeUnit.SECONDS);
            long running = orch.modules().stream().filter(m -> m.state().name().equals("RUNNING")).count();
            long enabled = cfg.modules().stream().filter(m -> m.enabled()).count();
            Throughput t = new Throughput(orch.decisions(), s, running, enabled);
            orch.close();
            return t;
        }
    }
}
