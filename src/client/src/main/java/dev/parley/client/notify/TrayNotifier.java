package dev.parley.client.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley in the system tray (AWT): an icon with the unread count as a badge, a menu (Open Parley, Do not disturb
 * for an hour / until tomorrow / off, Quit), and notifications as the desktop shows them; a click on the icon or
 * the last notification opens it. AWT calls arrive on its own thread and go to the FX thread.
 */
public final class TrayNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(TrayNotifier.class);
    private static final int SIZE = 64;

    /** What the tray's menu does. */
    public record Actions(Runnable openWindow, Consumer<DoNotDisturb> doNotDisturb, Runnable quit) {
    }

    /** The menu's Do not disturb choices. */
    public enum DoNotDisturb { ONE_HOUR, UNTIL_TOMORROW, OFF }

    private final TrayIcon icon;
    private volatile Runnable lastClick;
    private int shownUnread = -1;

    private TrayNotifier(TrayIcon icon) {
        this.icon = icon;
    }

    /** Adds the icon to the tray; fails when the desktop refuses it. */
    static TrayNotifier install(Actions actions, java.util.function.Function<String, String> text)
            throws AWTException {
        PopupMenu menu = new PopupMenu();
        menu.add(item(text.apply("tray.open"), actions.openWindow()));
        menu.addSeparator();
        menu.add(item(text.apply("tray.dnd.hour"), () -> actions.doNotDisturb().accept(DoNotDisturb.ONE_HOUR)));
        menu.add(item(text.apply("tray.dnd.tomorrow"),
                () -> actions.doNotDisturb().accept(DoNotDisturb.UNTIL_TOMORROW)));
        menu.add(item(text.apply("tray.dnd.off"), () -> actions.doNotDisturb().accept(DoNotDisturb.OFF)));
        menu.addSeparator();
        menu.add(item(text.apply("tray.quit"), actions.quit()));
        TrayIcon icon = new TrayIcon(picture(0), text.apply("window.title"), menu);
        icon.setImageAutoSize(true);
        TrayNotifier notifier = new TrayNotifier(icon);
        icon.addActionListener(event -> {
            Runnable click = notifier.lastClick;
            Platform.runLater(click != null ? click : actions.openWindow());
        });
        SystemTray.getSystemTray().add(icon);
        return notifier;
    }

    @Override
    public void show(Notice notice) {
        lastClick = notice.onClick();
        icon.displayMessage(notice.title(), notice.body(),
                notice.quiet() ? TrayIcon.MessageType.NONE : TrayIcon.MessageType.INFO);
    }

    @Override
    public void showUnread(int total) {
        if (total != shownUnread) {
            shownUnread = total;
            icon.setImage(picture(total));
        }
    }

    @Override
    public boolean inTray() {
        return true;
    }

    @Override
    public void close() {
        SystemTray.getSystemTray().remove(icon);
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.addActionListener(event -> Platform.runLater(action));
        return item;
    }

    /** A blue speech bubble, with a red badge and the count when something is unread. */
    static BufferedImage picture(int unread) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x0969da));
        g.fillRoundRect(4, 8, 52, 38, 18, 18);
        g.fillPolygon(new int[] {14, 28, 14}, new int[] {40, 44, 56}, 3);
        if (unread > 0) {
            String count = unread > 99 ? "99+" : Integer.toString(unread);
            g.setColor(new Color(0xcf222e));
            g.fillOval(SIZE - 34, 0, 34, 34);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, count.length() > 2 ? 13 : 18));
            var metrics = g.getFontMetrics();
            g.drawString(count, SIZE - 17 - metrics.stringWidth(count) / 2, 17 + metrics.getAscent() / 2 - 2);
        }
        g.dispose();
        return image;
    }
}
