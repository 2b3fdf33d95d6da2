package io.github.cameliot.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    @Test
    void aQuietLimiterLetsOneSecondsQuotaThroughThenWaitsForTheWindow() {
        RateLimiter limiter = new RateLimiter(4, now::get);

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.reserve()).as("call %d", i).isZero();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.reserve()).as("call %d", 4 + i).isEqualTo(SECOND);
        }
        assertThat(limiter.reserve()).isEqualTo(2 * SECOND);

        // time passes: the booked slots come closer
        now.addAndGet(SECOND / 4);
        assertThat(limiter.reserve()).isEqualTo(2 * SECOND - SECOND / 4);

        // after a quiet period, a full quota again, never more
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.reserve()).isZero();
        }
        assertThat(limiter.reserve()).isEqualTo(SECOND);
        assertThatThrownBy(() -> new RateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callsAtTheRateNeverWait() {
        RateLimiter limiter = new RateLimiter(20, now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.reserve()).isZero();
            now.addAndGet(SECOND / 20);
        }
    }

    @Test
    void noOneSecondWindowEverHoldsMoreThanTheQuota() {
        int rate = 20;
        RateLimiter limiter = new RateLimiter(rate, now::get);
        Random random = new Random(42);
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            now.addAndGet(random.nextInt(4) == 0 ? random.nextLong(SECOND / 2) : 0);
            slots.add(now.get() + limiter.reserve());
        }
        assertWindowsWithinQuota(slots, rate);
    }

    @Test
    void concurrentReservationsKeepTheQuota() throws Exception {
        int rate = 20;
        int threads = 8;
        int perThread = 500;
        RateLimiter limiter = new RateLimiter(rate, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    List<Long> waits = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        waits.add(limiter.reserve());
                    }
                    return waits;
                }));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(threads * perThread);
            assertThat(all.stream().filter(wait -> wait == 0).count()).isEqualTo(rate);
            assertWindowsWithinQuota(all.stream().map(wait -> now.get() + wait).toList(), rate);
            // 4000 calls at 20 a second: the last ones start 199 seconds from now
            assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(199 * SECOND);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Any {@code rate + 1} slots in time order span at least a second. */
    private static void assertWindowsWithinQuota(List<Long> slots, int rate) {
        List<Long> sorted = slots.stream().sorted().toList();
        for (int i = rate; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - rate)).as("slots %d..%d", i - rate, i).isGreaterThanOrEqualTo(SECOND);
        }
    }
}
