package org.concord.annotation;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.SqliteDatabase;
import org.concord.store.FrameStore;

import java.nio.file.Path;
import java.util.List;

/** Run in a child JVM by the crash test: saves one annotation, reports it, then dies without closing anything. */
public final class AnnotationCrashMain {
    private AnnotationCrashMain() {
    }

    public static void main(String[] args) {
        SqliteDatabase db = SqliteDatabase.open(Path.of(args[0]));
        AnnotationStore store = new AnnotationStore(db, new FrameStore(db));
        store.save(Annotation.draft("crash-1", Symbol.of("BTCUSD"), Timeframe.M1, 1_385_400_000_000L, 800, 1_385_403_600_000L, 812,
                AnnotationDirection.LONG, 790, 830, List.of("crash"), "saved before the crash", "test", 1_700_000_000_000L));
        System.out.println("SAVED");
        System.out.flush();
        Runtime.getRuntime().halt(137); // no close, no shutdown hooks: like a kill -9 right after the save returned
    }
}
