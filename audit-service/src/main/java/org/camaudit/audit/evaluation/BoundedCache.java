package org.camaudit.audit.evaluation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a pure function answered for up to {@value #LIMIT} keys, so a value seen on many devices (an
 * evidence field name, a site's scope) is looked at once. Past the limit it computes without remembering, so a
 * hostile inventory with endless distinct field names cannot grow it. Thread-safe.
 */
final class BoundedCache<K, V> {

    static final int LIMIT = 4096;

    private final Map<K, V> known = new ConcurrentHashMap<>();
    private final Function<? super K, ? extends V> compute;

    BoundedCache(Function<? super K, ? extends V> compute) {
        this.compute = compute;
    }

    V get(K key) {
        V cached = known.get(key);
        if (cached != null) {
            return cached;
        }
        V value = compute.apply(key);
        if (known.size() < LIMIT) {
            known.put(key, value);
        }
        return value;
    }
}
