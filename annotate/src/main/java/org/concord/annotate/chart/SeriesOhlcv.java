package org.concord.annotate.chart;

import io.fair_acc.dataset.spi.financial.api.attrs.AttributeModel;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcv;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcvItem;
import org.concord.model.BarSeries;

import java.util.Date;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Adapts an immutable snapshot of a {@link BarSeries} (a copy made off the UI thread) to ChartFX's
 * {@link IOhlcv}. Items are created once per snapshot, so repeated renders do not allocate.
 */
public final class SeriesOhlcv implements IOhlcv {
    private final Item[] items;
    private AttributeModel addon;

    public SeriesOhlcv(BarSeries snapshot) {
        items = new Item[snapshot.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = new Item(snapshot.time(i), snapshot.open(i), snapshot.high(i), snapshot.low(i), snapshot.close(i), snapshot.volume(i));
        }
    }

    @Override
    public IOhlcvItem getOhlcvItem(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public AttributeModel getAddon() {
        return addon;
    }

    @Override
    public AttributeModel getAddonOrCreate() {
        if (addon == null) {
            addon = new AttributeModel();
        }
        return addon;
    }

    @Override
    public Iterator<IOhlcvItem> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < items.length;
            }

            @Override
            public IOhlcvItem next() {
                if (i >= items.length) {
                    throw new NoSuchElementException();
                }
                return items[i++];
            }
        };
    }

    /** One bar; ChartFX reads the time stamp as epoch ms and plots x in seconds. */
    static final class Item implements IOhlcvItem {
        private final Date time;
        private final double open;
        private final double high;
        private final double low;
        private final double close;
        private final double volume;

        Item(long timeMs, double open, double high, double low, double close, double volume) {
            this.time = new Date(timeMs);
            this.open = open;
            this.high = high;
            this.low = low;
            this.close = close;
            this.volume = volume;
        }

        @Override
        public Date getTimeStamp() {
            return time;
        }

        @Override
        public double getOpen() {
            return open;
        }

        @Override
        public double getHigh() {
            return high;
        }

        @Override
        public double getLow() {
            return low;
        }

        @Override
        public double getClose() {
            return close;
        }

        @Override
        public double getVolume() {
            return volume;
        }

        @Override
        public double getOpenInterest() {
            return 0;
        }

        @Override
        public AttributeModel getAddon() {
            return null;
        }

        @Override
        public AttributeModel getAddonOrCreate() {
            return new AttributeModel();
        }
    }
}
