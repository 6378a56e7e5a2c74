package org.concord.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.execution.Balance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The user-data stream's inbox: the stream's I/O threads only queue what they receive; {@link #apply()}, on the
 * decision thread, turns it into fills, order states and balances, and reconciles over REST after a (re)connection.
 */
final class SpotStreamInbox implements UserDataStream.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(SpotStreamInbox.class);

    private record Inbound(int kind, int connection, String text) {
        static final int MESSAGE = 0;
        static final int CONNECTED = 1;
        static final int DISCONNECTED = 2;
    }

    private final ConcurrentLinkedQueue<Inbound> queue = new ConcurrentLinkedQueue<>();
    private final SpotExecution exec;
    private final SpotAccount account;
    private final SpotReconciler reconciler;

    SpotStreamInbox(SpotExecution exec, SpotAccount account, SpotReconciler reconciler) {
        this.exec = exec;
        this.account = account;
        this.reconciler = reconciler;
    }

    @Override
    public void onConnected(int connection) {
        queue.add(new Inbound(Inbound.CONNECTED, connection, null));
    }

    @Override
    public void onMessage(String text) {
        queue.add(new Inbound(Inbound.MESSAGE, 0, text));
    }

    @Override
    public void onDisconnected(int connection, String reason) {
        queue.add(new Inbound(Inbound.DISCONNECTED, connection, reason));
    }

    /**
     * Applies what was queued since the last call, on the decision thread.
     *
     * @return the number of stream items processed
     */
    int apply() {
        int n = 0;
        Inbound in;
        while ((in = queue.poll()) != null) {
            n++;
            switch (in.kind()) {
                case Inbound.CONNECTED -> reconciler.reconcileAll("user-data stream connection #" + in.connection());
                case Inbound.DISCONNECTED -> LOG.warn("binance user-data stream lost ({}): events are reconciled over REST on reconnect", in.text());
                default -> applyMessage(in.text());
            }
        }
        return n;
    }

    private void applyMessage(String text) {
        try {
            JsonNode e = SpotJson.event(text);
            switch (e.get("e").asText()) {
                case "executionReport" -> exec.onReport(SpotJson.executionReport(e));
                case "outboundAccountPosition" -> {
                    for (Balance b : SpotJson.accountPosition(e).balances()) {
                        account.put(b);
                    }
                }
                default -> { } // balanceUpdate, listStatus: balances follow in outboundAccountPosition, legs in executionReports
            }
        } catch (RuntimeException ex) {
            LOG.warn("binance user-data message not understood ({}): {}; reconciling over REST", ex.getMessage(), SpotJson.abbreviate(text));
            reconciler.reconcileAll("unreadable stream message");
        }
    }
}
