package io.grantline.infra.web.pages;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read side follows a command within about 100 ms. A page that sends the person on to what they just created
 * waits that moment (at most two seconds), so the next page shows it instead of "not found".
 */
public final class ReadSide {

    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private ReadSide() {
    }

    public static <T> Optional<T> awaitVisible(Supplier<Optional<T>> read) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<T> found = read.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = read.get();
        }
        return found;
    }
}
