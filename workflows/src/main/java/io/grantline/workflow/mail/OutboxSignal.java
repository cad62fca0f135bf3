package io.grantline.workflow.mail;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes the dispatcher when a transaction that wrote outbox rows has committed, so mail leaves at once, not at the next poll. */
@Component
class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    void wake() {
        // one permit is enough however many commits came in: the dispatcher reads every due row when it wakes
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a wake-up or for {@code most}, whichever comes first. */
    void await(Duration most) throws InterruptedException {
        if (pending.tryAcquire(most.toMillis(), TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
