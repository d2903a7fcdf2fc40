package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private final AtomicInteger computed = new AtomicInteger();
    private final BoundedCache<String, Integer> lengths = new BoundedCache<>(key -> {
        computed.incrementAndGet();
        return key.length();
    });

    @Test
    void shouldComputeEachKeyOnce() {
        assertThat(lengths.get("sadp")).isEqualTo(4);
        assertThat(lengths.get("sadp")).isEqualTo(4);

        assertThat(computed).hasValue(1);
    }

    @Test
    void shouldKeepAnsweringButStopRememberingPastTheLimit() {
        for (int i = 0; i < BoundedCache.LIMIT; i++) {
            lengths.get("field-" + i);
        }

        assertThat(lengths.get("one more")).isEqualTo(8);
        assertThat(lengths.get("one more")).isEqualTo(8);
        assertThat(computed).hasValue(BoundedCache.LIMIT + 2);
        assertThat(lengths.get("field-0")).isEqualTo(7);
        assertThat(computed).hasValue(BoundedCache.LIMIT + 2);
    }
}
