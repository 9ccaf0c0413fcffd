package dev.parley.client.testing;

import dev.parley.client.notify.Notice;
import dev.parley.client.notify.Notifier;
import java.util.List;

/** Passes notifications on to the real notifier and keeps a copy of each for the test to read. */
final class RecordingNotifier implements Notifier {
    private final Notifier real;
    private final List<Notice> shown;

    RecordingNotifier(Notifier real, List<Notice> shown) {
        this.real = real;
        this.shown = shown;
    }

    @Override
    public void show(Notice notice) {
        shown.add(notice);
        real.show(notice);
    }

    @Override
    public void showUnread(int total) {
        real.showUnread(total);
    }

    @Override
    public boolean inTray() {
        return real.inTray();
    }

    @Override
    public void close() {
        real.close();
    }
}
