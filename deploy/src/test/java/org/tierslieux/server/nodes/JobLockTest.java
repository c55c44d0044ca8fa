package org.tierslieux.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.kernel.JobLock;

/**
 * The lock that keeps a scheduled job on one node at a time, seen from two threads (each takes its own
 * connection, as two nodes would): while one runs the job, the other skips its turn; other jobs are not held up.
 */
@QuarkusTest
class JobLockTest {

    @Inject
    JobLock lock;

    @Test
    void while_one_runs_a_job_another_skips_it_and_may_run_it_once_it_is_done() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        // threads of their own: the common pool may have a single thread on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
                () -> lock.runAlone("test-job", () -> {
                    runs.incrementAndGet();
                    inside.countDown();
                    try {
                        finish.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                threads);
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        boolean second = CompletableFuture.supplyAsync(
                        () -> lock.runAlone("test-job", () -> {
                            runs.incrementAndGet();
                        }),
                        threads)
                .get(30, TimeUnit.SECONDS);
        boolean other = CompletableFuture.supplyAsync(() -> lock.runAlone("another-job", () -> {}), threads)
                .get(30, TimeUnit.SECONDS);
        assertThat(second).as("the same job while it runs elsewhere").isFalse();
        assertThat(other).as("another job").isTrue();
        assertThat(runs).hasValue(1);

        finish.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lock.runAlone("test-job", () -> {
                    runs.incrementAndGet();
                }))
                .isTrue();
        assertThat(runs).hasValue(2);
        threads.shutdownNow();
    }
}
