package dev.parley.bench.client.photo;

import dev.parley.bench.client.ClientProbe;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** JavaFX without a display started in this JVM, for measurements that only need JavaFX's image decoder. */
public final class HeadlessFx {
    private static boolean started;

    private HeadlessFx() {
    }

    /** Starts the FX platform in this JVM once, headless ({@link ClientProbe#HEADLESS}) unless chosen otherwise. */
    public static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        for (String flag : ClientProbe.HEADLESS) {
            String[] pair = flag.substring(2).split("=", 2);
            if (System.getProperty(pair[0]) == null) {
                System.setProperty(pair[0], pair[1]);
            }
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            // Started by someone else in this JVM (a test): it serves as well.
            up.countDown();
        }
        Platform.setImplicitExit(false);
        if (!up.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX platform did not start");
        }
        started = true;
    }
}
