package dev.maillog554.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.maillog554.api.dto.ErrorBody;

/** Admission and shared answers, driven by latches rather than by timing. */
class AdmissionTest {

    @Test
    void aRequestThatFindsNoPlaceInTimeGetsBusy() throws Exception {
        Admission admission = new Admission(1, Duration.ZERO);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> admission.call(() -> {
                holding.countDown();
                await(release);
                return "first";
            }));
            holding.await();
            assertThrows(BusyException.class, () -> admission.call(() -> "second"));
            release.countDown();
            assertEquals("first", first.get());
            assertEquals("third", admission.call(() -> "third"), "the place is free again");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingQueryFreesItsPlace() {
        Admission admission = new Admission(1, Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> admission.call(() -> {
            throw new IllegalStateException("database gone");
        }));
        assertEquals("next", admission.call(() -> "next"));
    }

    @Test
    void identicalRequestsAtOnceShareOneComputation() throws Exception {
        SharedAnswers shared = new SharedAnswers();
        shared.admission = new Admission(1, Duration.ofMinutes(1));
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        int clients = 8;
        List<Thread> threads = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        });
        try {
            List<Future<String>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> shared.get("page", () -> {
                computing.countDown();
                await(finish);
                return "answer";
            })));
            computing.await();
            // Asked while the first computes: without sharing each would queue for the one place and then compute.
            for (int i = 1; i < clients; i++) {
                answers.add(pool.submit(() -> shared.get("page", () -> "computed again")));
            }
            // Every other client is blocked (on the shared answer, or on the place if sharing were broken) before
            // the first may finish, so none can arrive after the answer was given.
            while (threads.size() < clients || threads.stream().filter(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING).count() < clients) {
                Thread.onSpinWait();
            }
            finish.countDown();
            for (Future<String> a : answers) {
                assertEquals("answer", a.get());
            }
            assertEquals("computed again", shared.get("page", () -> "computed again"), "nothing is kept afterwards");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void busyIsA503WithRetryAfterAndTheJsonErrorBody() {
        Response r = new BusyMapper().toResponse(new BusyException());
        assertEquals(503, r.getStatus());
        assertEquals(String.valueOf(BusyException.RETRY_AFTER_SECONDS), r.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals(ErrorBody.class, r.getEntity().getClass());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
