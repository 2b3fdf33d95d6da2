package io.github.cameliot.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    @Test
    void burstOfOneSecondThenEvenSpacing() {
        RateLimiter limiter = new RateLimiter(4, now::get);
        long interval = 250_000_000L;

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.reserve()).as("burst call %d", i).isZero();
        }
        assertThat(limiter.reserve()).isEqualTo(interval);
        assertThat(limiter.reserve()).isEqualTo(2 * interval);
        assertThat(limiter.reserve()).isEqualTo(3 * interval);

        // time passes: the booked slots come closer
        now.addAndGet(interval);
        assertThat(limiter.reserve()).isEqualTo(3 * interval);

        // after a quiet second and more, a full burst again, never more
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.reserve()).isZero();
        }
        assertThat(limiter.reserve()).isEqualTo(interval);
    }

    @Test
    void oneCallAfterAnotherAtTheRateNeverWaits() {
        RateLimiter limiter = new RateLimiter(20, now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.reserve()).isZero();
            now.addAndGet(50_000_000L);
        }
    }

    @Test
    void intervalIsOneSecondOverTheRate() {
        RateLimiter limiter = new RateLimiter(300, now::get);
        for (int i = 0; i < 300; i++) {
            assertThat(limiter.reserve()).isZero();
        }
        assertThat(limiter.reserve()).isEqualTo(1_000_000_000L / 300);
        assertThat(limiter.reserve()).isEqualTo(2 * (1_000_000_000L / 300));
        assertThatThrownBy(() -> new RateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentReservationsGetDistinctSlots() throws Exception {
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

            int total = threads * perThread;
            long interval = 1_000_000_000L / rate;
            assertThat(all.stream().filter(wait -> wait == 0).count()).isEqualTo(rate);
            Set<Long> distinct = new HashSet<>(all);
            distinct.remove(0L);
            assertThat(distinct).hasSize(total - rate);
            assertThat(distinct).allMatch(wait -> wait % interval == 0);
            assertThat(distinct.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo((total - rate) * interval);
            // the next free slot is right after the last one handed out
            assertThat(limiter.reserve()).isEqualTo((total - rate + 1) * interval);
        } finally {
            pool.shutdownNow();
        }
    }
}
