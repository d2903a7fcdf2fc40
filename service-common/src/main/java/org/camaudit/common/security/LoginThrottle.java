package org.camaudit.common.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Slows down password guessing, per account name and client address. The first
 * {@link LoginThrottleConfig#freeFailures()} failures are answered at once; after that each failure blocks the
 * pair for a wait that doubles from {@link LoginThrottleConfig#initialDelay()} up to
 * {@link LoginThrottleConfig#maxDelay()}. While blocked, attempts are refused before their password is checked,
 * so guessing costs no CPU. A success forgets the pair. Names that are not accounts are counted like real ones,
 * so the answers do not reveal which accounts exist.
 *
 * <p>Every login path calls it the same way: {@link #retryAfter} before checking the password, then
 * {@link #failed} or {@link #succeeded}. {@link AccountStore#login} does all three.
 *
 * <p>Metrics: {@code camaudit.login.failures} (failed logins), {@code camaudit.login.throttled} (attempts refused
 * while blocked), {@code camaudit.login.throttle.entries} (pairs remembered).
 */
@Singleton
public class LoginThrottle {

    private record Key(String account, String address) {
    }

    private static final class Entry {
        int failures;
        long lastFailure;
        long blockedUntil;
    }

    private final LoginThrottleConfig config;
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new HashMap<>();
    private Counter failures;
    private Counter throttled;

    @Inject
    LoginThrottle(LoginThrottleConfig config, MeterRegistry registry) {
        this(config, System::nanoTime);
        failures = Counter.builder("camaudit.login.failures").description("Failed logins").register(registry);
        throttled = Counter.builder("camaudit.login.throttled")
                .description("Login attempts refused because the account failed too often from the address")
                .register(registry);
        Gauge.builder("camaudit.login.throttle.entries", this, LoginThrottle::size)
                .description("Account and address pairs with failed logins remembered").register(registry);
    }

    LoginThrottle(LoginThrottleConfig config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
    }

    /** How long {@code account} from {@code address} must still wait; empty when it may try now. */
    public synchronized Optional<Duration> retryAfter(String account, String address) {
        Entry entry = entries.get(new Key(account, address));
        long now = nanoTime.getAsLong();
        if (entry == null || entry.blockedUntil - now <= 0) {
            return Optional.empty();
        }
        if (throttled != null) {
            throttled.increment();
        }
        return Optional.of(Duration.ofNanos(entry.blockedUntil - now));
    }

    /** Records a failed login; returns the wait it starts (zero while the failures are still free). */
    public synchronized Duration failed(String account, String address) {
        if (failures != null) {
            failures.increment();
        }
        long now = nanoTime.getAsLong();
        Key key = new Key(account, address);
        Entry entry = entries.get(key);
        if (entry != null && now - entry.lastFailure > config.forgetAfter().toNanos()) {
            entry = null;
            entries.remove(key);
        }
        if (entry == null) {
            makeRoom(now);
            entry = new Entry();
            entries.put(key, entry);
        }
        entry.failures++;
        entry.lastFailure = now;
        Duration wait = delayAfter(entry.failures);
        entry.blockedUntil = now + wait.toNanos();
        return wait;
    }

    /** Forgets the failures of {@code account} from {@code address}. */
    public synchronized void succeeded(String account, String address) {
        entries.remove(new Key(account, address));
    }

    /** The number of account/address pairs remembered. */
    public synchronized int size() {
        return entries.size();
    }

    Duration delayAfter(int failureCount) {
        int over = failureCount - config.freeFailures();
        if (over <= 0) {
            return Duration.ZERO;
        }
        long max = config.maxDelay().toNanos();
        long delay = config.initialDelay().toNanos();
        for (int i = 1; i < over && delay < max; i++) {
            delay *= 2;
        }
        return Duration.ofNanos(Math.min(delay, max));
    }

    /** Drops forgotten pairs, else the pair with the fewest failures that is not blocked (else the fewest). */
    private void makeRoom(long now) {
        if (entries.size() < config.maxEntries()) {
            return;
        }
        long forget = config.forgetAfter().toNanos();
        entries.values().removeIf(e -> now - e.lastFailure > forget);
        if (entries.size() < config.maxEntries()) {
            return;
        }
        Key victim = null;
        long victimRank = Long.MAX_VALUE;
        for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Entry> candidate = it.next();
            Entry e = candidate.getValue();
            long rank = (long) e.failures * 2 + (e.blockedUntil - now > 0 ? 1 : 0);
            if (rank < victimRank) {
                victim = candidate.getKey();
                victimRank = rank;
            }
        }
        entries.remove(victim);
    }
}
