package org.concord.testkit.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spot account's payloads in Binance's published formats (binance-spot-api-docs rest-api.md and
 * user-data-stream.md): orders as the REST API returns them, trades ({@code myTrades}), the account, and the
 * user-data events {@code executionReport} and {@code outboundAccountPosition}.
 */
final class SpotPayloads {
    private SpotPayloads() {
    }

    static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String dec(double x) {
        return BinanceJson.dec(x);
    }

    static String order(LoopbackSpotAccount.Ord o) {
        return String.format(Locale.ROOT, "{\"symbol\":%s,\"orderId\":%d,\"orderListId\":%d,\"clientOrderId\":%s,\"price\":\"%s\","
                        + "\"origQty\":\"%s\",\"executedQty\":\"%s\",\"cummulativeQuoteQty\":\"%s\",\"status\":%s,\"timeInForce\":%s,"
                        + "\"type\":%s,\"side\":%s,\"stopPrice\":\"%s\",\"icebergQty\":\"0.00000000\",\"time\":%d,\"updateTime\":%d,"
                        + "\"isWorking\":%s,\"origQuoteOrderQty\":\"0.00000000\"}",
                q(o.symbol), o.id, o.listId, q(o.clientId), dec(o.price), dec(o.qty), dec(o.executed), dec(o.cumQuote), q(o.status), q(o.tif),
                q(o.type), q(o.side), dec(o.stop), o.time, o.updateTime, o.status.equals("NEW") || o.status.equals("PARTIALLY_FILLED"));
    }

    /** The cancel answer: the canceled order, {@code clientOrderId} being the cancel's own id. */
    static String canceled(LoopbackSpotAccount.Ord o, String cancelId) {
        return String.format(Locale.ROOT, "{\"symbol\":%s,\"origClientOrderId\":%s,\"orderId\":%d,\"orderListId\":%d,\"clientOrderId\":%s,"
                        + "\"price\":\"%s\",\"origQty\":\"%s\",\"executedQty\":\"%s\",\"cummulativeQuoteQty\":\"%s\",\"status\":%s,"
                        + "\"timeInForce\":%s,\"type\":%s,\"side\":%s}",
                q(o.symbol), q(o.clientId), o.id, o.listId, q(cancelId), dec(o.price), dec(o.qty), dec(o.executed), dec(o.cumQuote), q(o.status),
                q(o.tif), q(o.type), q(o.side));
    }

    static String trade(LoopbackSpotAccount.Trade t) {
        return String.format(Locale.ROOT, "{\"symbol\":%s,\"id\":%d,\"orderId\":%d,\"orderListId\":-1,\"price\":\"%s\",\"qty\":\"%s\","
                        + "\"quoteQty\":\"%s\",\"commission\":\"%s\",\"commissionAsset\":%s,\"time\":%d,\"isBuyer\":%s,\"isMaker\":%s,"
                        + "\"isBestMatch\":true}",
                q(t.symbol()), t.id(), t.orderId(), dec(t.price()), dec(t.qty()), dec(t.price() * t.qty()), dec(t.commission()),
                q(t.commissionAsset()), t.time(), t.buyer(), t.maker());
    }

    /** {@code executionReport}; {@code cancelId} is the cancel request's id (field c) when x is CANCELED by the user. */
    static String executionReport(LoopbackSpotAccount.Ord o, String execType, String cancelId, LoopbackSpotAccount.Trade t, long eventTime) {
        boolean trade = t != null;
        return String.format(Locale.ROOT, "{\"e\":\"executionReport\",\"E\":%d,\"s\":%s,\"c\":%s,\"S\":%s,\"o\":%s,\"f\":%s,\"q\":\"%s\","
                        + "\"p\":\"%s\",\"P\":\"%s\",\"F\":\"0.00000000\",\"g\":%d,\"C\":%s,\"x\":%s,\"X\":%s,\"r\":\"NONE\",\"i\":%d,"
                        + "\"l\":\"%s\",\"z\":\"%s\",\"L\":\"%s\",\"n\":\"%s\",\"N\":%s,\"T\":%d,\"t\":%d,\"I\":%d,\"w\":%s,\"m\":%s,"
                        + "\"M\":false,\"O\":%d,\"Z\":\"%s\",\"Y\":\"%s\",\"Q\":\"0.00000000\",\"W\":%d,\"V\":\"EXPIRE_MAKER\"}",
                eventTime, q(o.symbol), q(cancelId != null ? cancelId : o.clientId), q(o.side), q(o.type), q(o.tif), dec(o.qty), dec(o.price),
                dec(o.stop), o.listId, q(cancelId != null ? o.clientId : ""), q(execType), q(o.status), o.id, dec(trade ? t.qty() : 0),
                dec(o.executed), dec(trade ? t.price() : 0), trade ? dec(t.commission()) : "0", trade ? q(t.commissionAsset()) : "null",
                trade ? t.time() : eventTime, trade ? t.id() : -1, eventTime, o.status.equals("NEW") || o.status.equals("PARTIALLY_FILLED"),
                trade && t.maker(), o.time, dec(o.cumQuote), dec(trade ? t.price() * t.qty() : 0), o.time);
    }

    static String accountPosition(Map<String, double[]> balances, List<String> assets, long eventTime) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "{\"e\":\"outboundAccountPosition\",\"E\":%d,\"u\":%d,\"B\":[", eventTime, eventTime));
        for (int i = 0; i < assets.size(); i++) {
            double[] b = balances.getOrDefault(assets.get(i), new double[2]);
            sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "{\"a\":%s,\"f\":\"%s\",\"l\":\"%s\"}", q(assets.get(i)), dec(b[0]), dec(b[1])));
        }
        return sb.append("]}").toString();
    }

    static String account(Map<String, double[]> balances, long time) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "{\"makerCommission\":10,\"takerCommission\":10,\"buyerCommission\":0,"
                + "\"sellerCommission\":0,\"canTrade\":true,\"canWithdraw\":true,\"canDeposit\":true,\"updateTime\":%d,\"accountType\":\"SPOT\","
                + "\"balances\":[", time));
        int i = 0;
        for (Map.Entry<String, double[]> e : balances.entrySet()) {
            sb.append(i++ > 0 ? "," : "").append(String.format(Locale.ROOT, "{\"asset\":%s,\"free\":\"%s\",\"locked\":\"%s\"}",
                    q(e.getKey()), dec(e.getValue()[0]), dec(e.getValue()[1])));
        }
        return sb.append("],\"permissions\":[\"SPOT\"]}").toString();
    }

    static String exchangeInfo(long serverTime, List<LoopbackSpotAccount.Listing> listings) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "{\"timezone\":\"UTC\",\"serverTime\":%d,\"rateLimits\":[],"
                + "\"exchangeFilters\":[],\"symbols\":[", serverTime));
        for (int i = 0; i < listings.size(); i++) {
            LoopbackSpotAccount.Listing l = listings.get(i);
            sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "{\"symbol\":%s,\"status\":\"TRADING\",\"baseAsset\":%s,"
                            + "\"baseAssetPrecision\":8,\"quoteAsset\":%s,\"quotePrecision\":8,\"quoteAssetPrecision\":8,"
                            + "\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\",\"STOP_LOSS\",\"STOP_LOSS_LIMIT\",\"TAKE_PROFIT\",\"TAKE_PROFIT_LIMIT\"],"
                            + "\"icebergAllowed\":true,\"ocoAllowed\":true,\"isSpotTradingAllowed\":true,\"isMarginTradingAllowed\":false,"
                            + "\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"%s\",\"maxPrice\":\"%s\",\"tickSize\":\"%s\"},"
                            + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"%s\",\"maxQty\":\"%s\",\"stepSize\":\"%s\"},"
                            + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"%s\",\"applyMinToMarket\":true,\"maxNotional\":\"9000000.00000000\","
                            + "\"applyMaxToMarket\":false,\"avgPriceMins\":5},{\"filterType\":\"MAX_NUM_ORDERS\",\"maxNumOrders\":200}],"
                            + "\"permissions\":[\"SPOT\"]}",
                    q(l.symbol()), q(l.base()), q(l.quote()), l.tick().toPlainString(), "1000000.00", l.tick().toPlainString(),
                    l.step().toPlainString(), "9000.00000000", l.step().toPlainString(), l.minNotional().toPlainString()));
        }
        return sb.append("]}").toString();
    }
}
