package org.concord.coordination;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketValuesTest {
    private final double[] v = {0.1, 0.2, 0.3, 0.4};

    @Test
    void isTheMapOfItsValuesInBucketOrder() {
        BucketValues m = BucketValues.of(v);
        Map<Bucket, Double> expected = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.ALL) {
            expected.put(b, v[b.ordinal()]);
        }
        assertThat(m).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(m.get(Bucket.MEDIUM)).isEqualTo(0.3);
        assertThat(m.value(Bucket.LONG)).isEqualTo(0.4);
        assertThat(m.get("MEDIUM")).isNull();
        assertThat(m.keySet()).containsExactly(Bucket.ALL);
    }

    @Test
    void keepsACopyAndCannotBeChanged() {
        BucketValues m = BucketValues.of(v);
        v[0] = 9;
        assertThat(m.get(Bucket.SCALPING)).isEqualTo(0.1);
        assertThatThrownBy(() -> m.put(Bucket.SCALPING, 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> BucketValues.of(new double[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAllocationStepKeepsItAsIsAndSurvivesJson() throws Exception {
        AllocationUpdate u = new AllocationUpdate(1, Regime.UNKNOWN.toString(), BucketValues.of(v), BucketValues.of(v), BucketValues.of(v));
        assertThat(u.scores()).isInstanceOf(BucketValues.class);
        ObjectMapper mapper = ResultsJson.mapper();
        AllocationUpdate back = mapper.readValue(mapper.writeValueAsString(u), AllocationUpdate.class);
        assertThat(back).isEqualTo(u);
    }
}
