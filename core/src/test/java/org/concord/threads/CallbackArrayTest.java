package org.concord.threads;

import org.junit.jupiter.api.Test;

import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackArrayTest {
    @Test
    void keepsTheOrderAddedRemovesOneOccurrenceAndNeverChangesAnArrayHandedOut() {
        CallbackArray<IntConsumer> a = new CallbackArray<>(IntConsumer[]::new);
        IntConsumer x = i -> { };
        IntConsumer y = i -> { };
        assertThat(a.isEmpty()).isTrue();
        a.add(x);
        a.add(y);
        a.add(x);
        IntConsumer[] before = a.items();
        assertThat(before).containsExactly(x, y, x);
        a.remove(x);
        assertThat(a.items()).containsExactly(y, x);
        assertThat(before).as("an array being iterated is never written").containsExactly(x, y, x);
        a.remove(i -> { }); // not there: nothing happens
        a.remove(y);
        a.remove(x);
        assertThat(a.isEmpty()).isTrue();
        assertThatThrownBy(() -> a.add(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
