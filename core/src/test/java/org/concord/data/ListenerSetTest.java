package org.concord.data;

import org.concord.bus.Subscription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenerSetTest {
    @Test
    void listenersAreKeptInSubscriptionOrderAndAClosedSubscriptionRemovesOnlyItsOwn() {
        ListenerSet<String> set = new ListenerSet<>(new String[0]);
        assertThat(set.isEmpty()).isTrue();
        Subscription a = set.add("a");
        set.add("b");
        Subscription a2 = set.add("a");
        assertThat(set.items()).containsExactly("a", "b", "a");
        a.close();
        assertThat(set.items()).containsExactly("b", "a");
        a2.close();
        assertThat(set.items()).containsExactly("b");
        a2.close(); // closed twice: nothing else goes
        assertThat(set.items()).containsExactly("b");
    }

    @Test
    void anArrayHandedOutNeverChangesUnderItsReader() {
        ListenerSet<String> set = new ListenerSet<>(new String[0]);
        Subscription a = set.add("a");
        String[] delivering = set.items();
        set.add("b");
        a.close();
        assertThat(delivering).containsExactly("a");
        assertThat(set.items()).containsExactly("b");
    }

    @Test
    void aNullListenerIsRefused() {
        assertThatThrownBy(() -> new ListenerSet<>(new String[0]).add(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
