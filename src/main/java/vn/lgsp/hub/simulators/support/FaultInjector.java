package vn.lgsp.hub.simulators.support;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/** Decides, per call, whether a simulator answers normally, late, or with an injected error. */
public final class FaultInjector {

    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.none());
    private final AtomicLong started = new AtomicLong();

    /** Calls that reached the simulator so far, counted as they start (before any injected latency). */
    public long callsStarted() {
        return started.get();
    }

    public Faults current() {
        return faults.get();
    }

    public Faults update(Faults update) {
        if (update.errorRate() != null && (update.errorRate() < 0 || update.errorRate() > 1)) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1");
        }
        if (update.errorStatus() != null && (update.errorStatus() < 400 || update.errorStatus() > 599)) {
            throw new IllegalArgumentException("errorStatus must be a 4xx or 5xx status");
        }
        return faults.updateAndGet(f -> f.merge(update));
    }

    public void reset() {
        faults.set(Faults.none());
    }

    /** Applies latency, then the status of an injected error if this call is to fail. */
    public Optional<Integer> nextCall() {
        started.incrementAndGet();
        Faults f = faults.get();
        if (f.latencyMs() != null && f.latencyMs() > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(f.latencyMs()));
        }
        if (f.downUntil() != null && Instant.now().isBefore(f.downUntil())) {
            return Optional.of(503);
        }
        while (true) {
            Faults now = faults.get();
            if (now.failNext() == null || now.failNext() <= 0) {
                break;
            }
            Faults decremented = new Faults(now.errorRate(), now.errorStatus(), now.latencyMs(), now.downUntil(),
                    now.failNext() - 1);
            if (faults.compareAndSet(now, decremented)) {
                return Optional.of(now.errorStatus());
            }
        }
        if (f.errorRate() != null && f.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < f.errorRate()) {
            return Optional.of(f.errorStatus());
        }
        return Optional.empty();
    }
}
