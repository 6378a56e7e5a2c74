package org.concord.coordination;

import java.util.ArrayList;
import java.util.List;

/**
 * The notes of one symbol's books in one decision, a list made only for a book that gets one: most books of most
 * decisions get none.
 */
final class ItemNotes {
    @SuppressWarnings("unchecked")
    private final List<String>[] byBook = new List[Bucket.COUNT];

    void add(int book, String note) {
        list(book).add(note);
    }

    void addAll(int book, List<String> notes) {
        if (!notes.isEmpty()) {
            list(book).addAll(notes);
        }
    }

    List<String> get(int book) {
        return byBook[book] == null ? List.of() : byBook[book];
    }

    private List<String> list(int book) {
        if (byBook[book] == null) {
            byBook[book] = new ArrayList<>(2);
        }
        return byBook[book];
    }
}
