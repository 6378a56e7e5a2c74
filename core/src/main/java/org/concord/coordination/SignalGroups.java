package org.concord.coordination;

import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One decision's signals grouped by symbol and bucket, with each symbol's intents by bucket: the planner's scratch,
 * kept between decisions and cleared at the start of each, so grouping allocates nothing once the node's symbols and
 * group sizes have been seen (a tree map of enum maps of lists was about a tenth of the full preset's allocation).
 * Symbols come out in their natural order, as the planner's tree maps gave them. One writer (the coordination thread).
 */
final class SignalGroups {
    private Symbol[] symbols = new Symbol[4];
    private List<Signal>[][] signals = newSlots(4);
    private BucketIntent[][] intents = new BucketIntent[4][];
    private int size;

    /** Empties every group; the lists and arrays stay for the next decision. */
    void clear() {
        for (int k = 0; k < size; k++) {
            for (List<Signal> l : signals[k]) {
                l.clear();
            }
            Arrays.fill(intents[k], null);
        }
        size = 0;
    }

    /** Adds {@code s} to its symbol's group of its bucket. */
    void add(Signal s) {
        int k = slot(s.symbol()); // before reading the field: slot may grow it
        signals[k][s.bucket().ordinal()].add(s);
    }

    /** Makes sure {@code s} is planned, with or without signals (a symbol a book holds). */
    void addSymbol(Symbol s) {
        slot(s);
    }

    /** Puts the symbols in their natural order (a handful: insertion sort, nothing allocated). */
    void sort() {
        for (int i = 1; i < size; i++) {
            for (int j = i; j > 0 && symbols[j - 1].compareTo(symbols[j]) > 0; j--) {
                swap(j - 1, j);
            }
        }
    }

    int size() {
        return size;
    }

    Symbol symbol(int k) {
        return symbols[k];
    }

    /** The signals of symbol {@code k} in bucket {@code b}; empty when none. Valid until the next {@link #clear}. */
    List<Signal> signals(int k, Bucket b) {
        return signals[k][b.ordinal()];
    }

    /** Symbol {@code k}'s intents by bucket ordinal, all null after {@link #clear}; the planner fills them. */
    BucketIntent[] intents(int k) {
        return intents[k];
    }

    private int slot(Symbol s) {
        for (int k = 0; k < size; k++) {
            if (symbols[k] == s || symbols[k].equals(s)) {
                return k;
            }
        }
        if (size == symbols.length) {
            int n = size * 2;
            symbols = Arrays.copyOf(symbols, n);
            intents = Arrays.copyOf(intents, n);
            List<Signal>[][] grown = newSlots(n);
            System.arraycopy(signals, 0, grown, 0, size);
            signals = grown;
        }
        symbols[size] = s;
        if (intents[size] == null) {
            intents[size] = new BucketIntent[Bucket.COUNT];
        }
        return size++;
    }

    private void swap(int a, int b) {
        Symbol s = symbols[a];
        symbols[a] = symbols[b];
        symbols[b] = s;
        List<Signal>[] l = signals[a];
        signals[a] = signals[b];
        signals[b] = l;
        BucketIntent[] in = intents[a];
        intents[a] = intents[b];
        intents[b] = in;
    }

    @SuppressWarnings("unchecked")
    private static List<Signal>[][] newSlots(int n) {
        List<Signal>[][] slots = new List[n][];
        for (int k = 0; k < n; k++) {
            slots[k] = new List[Bucket.COUNT];
            for (int b = 0; b < Bucket.COUNT; b++) {
                slots[k][b] = new ArrayList<>();
            }
        }
        return slots;
    }
}
