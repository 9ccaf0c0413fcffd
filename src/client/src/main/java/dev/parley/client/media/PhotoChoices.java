package dev.parley.client.media;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * One photo at both qualities. Standard is prepared at once: it is what the tray shows and what is sent unless the
 * person picks HD. HD (every pixel, re-encoded) takes several times longer and most photos never need it, so it is
 * prepared only when asked for, from the original bytes, on the executor the caller gives, and can be cancelled.
 * HD is Standard itself for a photo already within the Standard size, for a GIF, and when HD would be over the
 * upload cap.
 */
public final class PhotoChoices {
    /** Prepares HD, checking {@code cancelled} between its slow steps. */
    interface HdWork {
        PreparedPhoto prepare(BooleanSupplier cancelled) throws PhotoRejected;
    }

    private final PreparedPhoto standard;
    private final int hdWidth;
    private final int hdHeight;
    private HdWork work;
    private CompletableFuture<PreparedPhoto> hd;
    private volatile boolean cancelled;

    private PhotoChoices(PreparedPhoto standard, int hdWidth, int hdHeight, HdWork work,
            CompletableFuture<PreparedPhoto> hd) {
        this.standard = standard;
        this.hdWidth = hdWidth;
        this.hdHeight = hdHeight;
        this.work = work;
        this.hd = hd;
    }

    /** A photo that is the same at both qualities. */
    static PhotoChoices same(PreparedPhoto photo) {
        return new PhotoChoices(photo, photo.width(), photo.height(), null, CompletableFuture.completedFuture(photo));
    }

    /** Standard now; HD of {@code hdWidth} × {@code hdHeight} pixels when {@link #hd} is first called. */
    static PhotoChoices lazyHd(PreparedPhoto standard, int hdWidth, int hdHeight, HdWork work) {
        return new PhotoChoices(standard, hdWidth, hdHeight, work, null);
    }

    public PreparedPhoto standard() {
        return standard;
    }

    /** True when HD would send exactly what Standard sends, so there is no choice to make. */
    public boolean sameAtBothQualities() {
        return ready(PhotoQuality.HD) == standard;
    }

    /** Width in pixels at a quality, known before HD is prepared. */
    public int width(PhotoQuality quality) {
        return quality == PhotoQuality.HD ? hdWidth : standard.width();
    }

    /** Height in pixels at a quality, known before HD is prepared. */
    public int height(PhotoQuality quality) {
        return quality == PhotoQuality.HD ? hdHeight : standard.height();
    }

    /**
     * HD, prepared on {@code executor} by the first call; later calls return the same future. It fails with a
     * {@link CancellationException} once {@link #cancelHd} has been called.
     */
    public synchronized CompletableFuture<PreparedPhoto> hd(Executor executor) {
        if (hd == null) {
            HdWork job = work;
            hd = CompletableFuture.supplyAsync(() -> {
                if (cancelled) {
                    throw new CancellationException("HD no longer wanted");
                }
                try {
                    return job.prepare(() -> cancelled);
                } catch (PhotoRejected e) {
                    throw new CompletionException(e);
                }
            }, executor);
            // The original bytes are held only until HD exists or is given up.
            hd.whenComplete((photo, failure) -> release());
        }
        return hd;
    }

    /** The photo at a quality when it is ready, else null (HD not asked for, still being prepared, or failed). */
    public synchronized PreparedPhoto ready(PhotoQuality quality) {
        if (quality == PhotoQuality.STANDARD) {
            return standard;
        }
        return hd != null && hd.isDone() && !hd.isCompletedExceptionally() ? hd.join() : null;
    }

    /** True once {@link #hd} has been called (or HD given up), whatever came of it. */
    public synchronized boolean hdAskedFor() {
        return hd != null;
    }

    /** True from the first {@link #hd} call until HD is ready, has failed or was cancelled. */
    public synchronized boolean preparingHd() {
        return hd != null && !hd.isDone();
    }

    /** Gives up HD: work not started never starts, work under way stops at its next step. */
    public void cancelHd() {
        cancelled = true;
        CompletableFuture<PreparedPhoto> pending;
        synchronized (this) {
            pending = hd;
            if (pending == null) {
                work = null;
                hd = CompletableFuture.failedFuture(new CancellationException("HD no longer wanted"));
                return;
            }
        }
        pending.cancel(false);
    }

    private synchronized void release() {
        work = null;
    }
}
