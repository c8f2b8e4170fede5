package dev.maillog554.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Identical requests that arrive while one of them is being answered share that answer instead of each reading
 * the history again: a dashboard opened by many people, or a client retrying, asks for the same page at once,
 * and a report page over 100,000 rejections costs seconds. Only the request that computes takes a place in
 * {@link Admission}; the others wait for its answer (as long as a place may be waited for). Nothing is kept
 * once the answer is given, so no answer is older than the request that receives it.
 */
@ApplicationScoped
public class SharedAnswers {

    private final ConcurrentHashMap<Object, CompletableFuture<Object>> running = new ConcurrentHashMap<>();

    @Inject
    Admission admission;

    /** The answer for {@code key}: computed by {@code query} here, or taken from a request computing it now. */
    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> query) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return (T) await(other);
        }
        try {
            T answer = admission.call(query);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private Object await(CompletableFuture<Object> answer) {
        try {
            return answer.get(admission.waitNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new BusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
