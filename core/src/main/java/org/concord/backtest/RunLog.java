package org.concord.backtest;

import org.concord.engine.TradingNode;
import org.concord.execution.ExecutionListener;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.orchestrator.Contribution;
import org.concord.orchestrator.Decision;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * A backtest's decision and order logs as CSV ({@code concord backtest --log}): a row per decision of the traded
 * instrument, with every source's contribution (the trained model's included), and a row per order event of the
 * bot's account, each tagged with its run (a walk-forward window, a synergy run). What the desk would have decided
 * and sent, to read line by line or to compare with the desk's own (the parity test does). Hung on each run's node
 * ({@link Backtester.Builder#onNode}); written on the replay thread.
 */
public final class RunLog implements Consumer<TradingNode>, AutoCloseable {
    private final BufferedWriter decisions;
    private final BufferedWriter orders;
    private int run;

    public RunLog(Path decisionsCsv, Path ordersCsv) throws IOException {
        this.decisions = Files.newBufferedWriter(decisionsCsv);
        this.orders = Files.newBufferedWriter(ordersCsv);
        decisions.write("run,seq,time,iso_time,price,action,score,confidence,contributions\n");
        orders.write("run,time,iso_time,order_id,client_order_id,side,type,state,quantity,filled,last_fill_price,reason\n");
    }

    @Override
    public void accept(TradingNode node) {
        int r = ++run;
        node.orchestrator().onDecision(d -> write(decisions, decisionRow(r, d)));
        node.pipeline().bot().paper().addListener(new ExecutionListener() {
            @Override
            public void onOrderEvent(OrderEvent e, Order order) {
                write(orders, orderRow(r, e));
            }
        });
    }

    static String decisionRow(int run, Decision d) {
        StringJoiner c = new StringJoiner(" ");
        for (Contribution x : d.contributions()) {
            c.add(x.sourceId() + ":" + x.action() + ":" + num(x.confidence()) + ":" + num(x.weight()));
        }
        return run + "," + d.seq() + "," + d.time() + "," + Instant.ofEpochMilli(d.time()) + "," + num(d.price()) + "," + d.action() + ","
                + num(d.score()) + "," + num(d.confidence()) + "," + c + "\n";
    }

    static String orderRow(int run, OrderEvent e) {
        return run + "," + e.time() + "," + Instant.ofEpochMilli(e.time()) + "," + e.orderId() + "," + e.clientOrderId() + "," + e.side() + ","
                + e.type() + "," + e.state() + "," + num(e.quantity()) + "," + num(e.filledQuantity()) + "," + num(e.lastFillPrice()) + ","
                + quoted(e.reason()) + "\n";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.8g", v);
    }

    private static String quoted(String s) {
        return s == null || s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void write(BufferedWriter w, String row) {
        try {
            w.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the backtest log: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try (decisions; orders) {
            decisions.flush();
            orders.flush();
        }
    }
}
