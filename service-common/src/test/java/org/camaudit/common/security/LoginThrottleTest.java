package org.camaudit.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong clock = new AtomicLong();

    static LoginThrottleConfig config(int maxEntries) {
        return new LoginThrottleConfig() {
            @Override
            public int freeFailures() {
                return 5;
            }

            @Override
            public Duration initialDelay() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration maxDelay() {
                return Duration.ofSeconds(60);
            }

            @Override
            public Duration forgetAfter() {
                return Duration.ofHours(1);
            }

            @Override
            public int maxEntries() {
                return maxEntries;
            }
        };
    }

    private LoginThrottle throttle(int maxEntries) {
        return new LoginThrottle(config(maxEntries), clock::get);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void shouldAnswerTheFirstFailuresAtOnce() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfter("ana", "10.0.0.1")).isEmpty();
            assertThat(throttle.failed("ana", "10.0.0.1")).isZero();
        }
        assertThat(throttle.retryAfter("ana", "10.0.0.1")).isEmpty();
    }

    @Test
    void shouldDoubleTheWaitWithEachFurtherFailureUpToTheMaximum() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 5; i++) {
            throttle.failed("ana", "10.0.0.1");
        }
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long seconds : expected) {
            assertThat(throttle.failed("ana", "10.0.0.1")).isEqualTo(Duration.ofSeconds(seconds));
            assertThat(throttle.retryAfter("ana", "10.0.0.1")).contains(Duration.ofSeconds(seconds));
            advance(Duration.ofSeconds(seconds));
            assertThat(throttle.retryAfter("ana", "10.0.0.1")).isEmpty();
        }
    }

    @Test
    void shouldNeverBlockAnotherAccountOrTheSameAccountFromAnotherAddress() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 10; i++) {
            throttle.failed("ana", "10.0.0.1");
        }
        assertThat(throttle.retryAfter("ana", "10.0.0.1")).isPresent();
        assertThat(throttle.retryAfter("ana", "10.0.0.2")).isEmpty();
        assertThat(throttle.retryAfter("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void shouldStartAgainAfterASuccessOrAfterAQuietHour() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 6; i++) {
            throttle.failed("ana", "10.0.0.1");
            throttle.failed("bob", "10.0.0.1");
        }
        throttle.succeeded("ana", "10.0.0.1");
        assertThat(throttle.retryAfter("ana", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("ana", "10.0.0.1")).isZero();
        advance(Duration.ofMinutes(61));
        assertThat(throttle.failed("bob", "10.0.0.1")).isZero();
    }

    @Test
    void shouldStayBoundedAndKeepAGuesserWhenFloodedWithMadeUpNames() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 8; i++) {
            throttle.failed("admin", "203.0.113.9");
        }
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("user-" + i, "203.0.113.9");
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(100);
        assertThat(throttle.retryAfter("admin", "203.0.113.9")).isPresent();
    }
}
