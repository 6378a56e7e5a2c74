package org.concord.app.trading;

/**
 * Whose fills a {@link FillMarks} shows and how they look: the hover label's owner word, the marker's shape and the
 * buy/sell colours. The two accounts' fills must never be taken for each other, nor for any other chart mark (the
 * decisions' green/red diamonds, the extrema's orange/blue squares, the live signals' small lime/orange dots, the
 * order lines' blue/red/green/orange/purple), so each look has a shape and two colours of its own.
 *
 * @param owner      the label's first word: "your BUY 0.1 @ …", "bot BUY 0.02 @ …"
 * @param markerType a ChartFX marker type ({@code circle}, {@code cross}, …)
 * @param size       the marker's half size in pixels
 * @param lineWidth  the stroke of a drawn (not filled) marker such as a cross; 0 for a filled one
 * @param buyRgb     a buy's colour, 0xRRGGBB
 * @param sellRgb    a sell's colour, 0xRRGGBB
 */
public record FillMarkLook(String owner, String markerType, double size, double lineWidth, int buyRgb, int sellRgb) {
    /** The person's fills: filled round marks, blue buy, magenta sell. */
    public static final FillMarkLook PERSON = new FillMarkLook("your", "circle", 5, 0, 0x2962ff, 0xd500f9);
    /**
     * The bot's fills: a bold "×", cyan buy, yellow sell, no larger than the person's dot: the bot fills many times
     * per hour, and bigger crosses buried the candles of a 15m chart. Drawn under the person's dots, whose tips still
     * show round a dot on the same candle and price.
     */
    public static final FillMarkLook BOT = new FillMarkLook("bot", "cross", 5, 2, 0x00e5ff, 0xffd600);
    /**
     * The bot's fills on the light theme's near-white plot: the same hues, darker (a teal and a gold). The bright cyan
     * and yellow crosses were all but lost there (contrast 1.4 and 1.3 to 1; these are about 4).
     */
    public static final FillMarkLook BOT_ON_LIGHT = new FillMarkLook("bot", "cross", 5, 2, 0x00838f, 0x9e7700);

    public FillMarkLook {
        if (owner == null || owner.isBlank() || markerType == null || markerType.isBlank() || !(size > 0) || !(lineWidth >= 0)) {
            throw new IllegalArgumentException("owner, marker type and a positive size are required");
        }
    }

    /** The data set's CSS for a buy's or a sell's marks. */
    String style(boolean buy) {
        return String.format("-fx-marker-type: %s; -fx-marker-size: %s; -fx-marker-line-width: %s; -fx-marker-color: #%06x; -fx-line-width: 0;",
                markerType, size, lineWidth, buy ? buyRgb : sellRgb);
    }
}
