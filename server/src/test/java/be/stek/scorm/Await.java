package be.stek.scorm;

import java.util.function.Supplier;

/** Waits for something the server does in the background (a beacon landing), polling, up to a limit. */
final class Await {
    private Await() {
    }

    static void until(String what, Supplier<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }
}
