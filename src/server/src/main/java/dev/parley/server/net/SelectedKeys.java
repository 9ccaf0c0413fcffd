package dev.parley.server.net;

import java.lang.reflect.Field;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Java-WebSocket's selector loop handle each ready key once per {@code select}, as a selector loop should.
 *
 * <p>Java-WebSocket 1.6.0 ({@code WebSocketServer.run}) takes a key out of the selector's selected-key set only when
 * it accepts a connection or reads data from it. A connection the server only wrote to stays in the set for good,
 * and every turn of the loop (every wake-up: each frame queued anywhere wakes it) walks all of them again, calling
 * {@code doWrite} on each, which re-registers its interest. With a few thousand connections that receive more than
 * they send, the selector thread spent a third of a core at 200 messages a second (decision 011).
 *
 * <p>The fix replaces the selector's public selected-key set with a view whose iterator hands out the keys selected
 * so far and empties the set: the loop sees each key once per select that reported it. Nothing is lost, because
 * epoll is level-triggered: a socket with unread data or a connection still interested in writing is reported
 * again by the next select. The set lives in the JDK's {@code sun.nio.ch.SelectorImpl}, so this needs
 * {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (in the server jar's manifest, the app's launcher, the build's
 * JVM config and the tests); without it the server works as before and says so once in its log.
 */
final class SelectedKeys {
    private static final Logger log = LoggerFactory.getLogger(SelectedKeys.class);

    private SelectedKeys() {
    }

    /** Installs the draining view on {@code server}'s selector; call on its selector thread, before its loop. */
    static boolean drainEachSelect(WebSocketServer server) {
        try {
            Field selectorField = WebSocketServer.class.getDeclaredField("selector");
            selectorField.setAccessible(true);
            Selector selector = (Selector) selectorField.get(server);
            Field publicKeys = Class.forName("sun.nio.ch.SelectorImpl").getDeclaredField("publicSelectedKeys");
            publicKeys.setAccessible(true);
            @SuppressWarnings("unchecked")
            Set<SelectionKey> keys = (Set<SelectionKey>) publicKeys.get(selector);
            if (!(keys instanceof Draining)) {
                publicKeys.set(selector, new Draining(keys));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("the WebSocket selector keeps every connection it wrote to in its work list, which costs CPU"
                    + " with many connections; start the JVM with --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
                    + " ({})", e.toString());
            return false;
        }
    }

    /** How many keys wait in {@code server}'s selected-key set now; -1 if it cannot be read (for tests). */
    static int waiting(WebSocketServer server) {
        try {
            Field selectorField = WebSocketServer.class.getDeclaredField("selector");
            selectorField.setAccessible(true);
            Selector selector = (Selector) selectorField.get(server);
            return selector == null ? -1 : selector.selectedKeys().size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The selected keys as the selector shows them (removal allowed, addition not), except that iterating takes
     * them out: the iterator walks what was selected when it was made.
     *
     * <p>Walking only fresh keys exposes a race that the library's walk over stale keys used to paper over: while
     * the loop's {@code doWrite} finds a connection's queue empty and sets its interest back to reading, another
     * thread may queue a frame and ask for writing in between, and the loop's "read only" wins; the frame then
     * waits for the connection's next write. So each walk first looks again at the keys of the walk before: one
     * with frames queued but no interest in writing gets it back, and the next select writes them.
     */
    static final class Draining extends AbstractSet<SelectionKey> {
        private final Set<SelectionKey> selected;
        private SelectionKey[] previous = new SelectionKey[0];

        Draining(Set<SelectionKey> selected) {
            this.selected = selected;
        }

        @Override
        public Iterator<SelectionKey> iterator() {
            for (SelectionKey key : previous) {
                rearmIfWriteLost(key);
            }
            SelectionKey[] now = selected.toArray(new SelectionKey[0]);
            selected.clear();
            previous = now;
            // (remove() of this iterator has nothing left to do: the key is out of the set already)
            Iterator<SelectionKey> keys = Arrays.asList(now).iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return keys.hasNext();
                }

                @Override
                public SelectionKey next() {
                    return keys.next();
                }

                @Override
                public void remove() {
                    // taken out when the iterator was made
                }
            };
        }

        private static void rearmIfWriteLost(SelectionKey key) {
            try {
                if (key.isValid() && key.attachment() instanceof WebSocketImpl socket && !socket.outQueue.isEmpty()
                        && (key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
            } catch (CancelledKeyException e) {
                // closed meanwhile: nothing to write any more
            }
        }

        @Override
        public int size() {
            return selected.size();
        }

        @Override
        public boolean contains(Object o) {
            return selected.contains(o);
        }

        @Override
        public boolean remove(Object o) {
            return selected.remove(o);
        }

        @Override
        public void clear() {
            selected.clear();
        }
    }
}
