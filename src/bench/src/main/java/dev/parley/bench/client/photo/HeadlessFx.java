package dev.parley.bench.client.photo;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * JavaFX without a display (Monocle's headless screen, software rendering), as the client tests run it: the
 * flags for a child JVM, and a start in this JVM for measurements that only need JavaFX's image decoder.
 */
public final class HeadlessFx {
    /** The system properties that select the headless platform; a child JVM gets them as flags. */
    public static final List<String> FLAGS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Djava.awt.headless=true");

    private static boolean started;

    private HeadlessFx() {
    }

    /** Starts the FX platform in this JVM once, headless unless a platform was chosen on the command line. */
    public static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        for (String flag : FLAGS) {
            String[] pair = flag.substring(2).split("=", 2);
            if (System.getProperty(pair[0]) == null) {
                System.setProperty(pair[0], pair[1]);
            }
        }
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        Platform.setImplicitExit(false);
        if (!up.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX platform did not start");
        }
        started = true;
    }
}
