package dev.parley.client.launcher;

import dev.parley.protocol.Event;
import dev.parley.protocol.Message;
import dev.parley.protocol.Request;
import java.net.URI;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo contact who answers: reads the user's message, then replies after a human-like pause. */
final class DemoContact implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoContact.class);

    private final DemoScript.Bot bot;
    private final String userHandle;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "parley-demo-contact");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new Random();
    private final AtomicInteger nextFallback = new AtomicInteger();
    private final WireAccount account;

    DemoContact(URI server, String token, DemoScript.Bot bot, String userHandle) {
        this.bot = bot;
        this.userHandle = userHandle;
        this.account = WireAccount.resume(server, token, this::onEvent);
    }

    private void onEvent(Event event) {
        if (event instanceof Event.MessageEvent pushed && pushed.message().sender().equals(userHandle)
                && pushed.message().showsInChat()) {
            Message message = pushed.message();
            String reply = replyTo(message.text());
            long read = 600 + random.nextInt(900);
            timer.schedule(() -> call(new Request.MessageRead(message.conversationId(), message.seq())),
                    read, TimeUnit.MILLISECONDS);
            timer.schedule(() -> call(new Request.Typing(message.conversationId())), read + 150, TimeUnit.MILLISECONDS);
            long typing = 1_200 + Math.min(2_500, reply.length() * 25L) + random.nextInt(600);
            timer.schedule(() -> call(new Request.MessageSend(message.conversationId(), UUID.randomUUID(), reply)),
                    typing, TimeUnit.MILLISECONDS);
        }
    }

    String replyTo(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (DemoScript.Rule rule : bot.replies()) {
            if (rule.match().stream().anyMatch(word -> lower.contains(word.toLowerCase(Locale.ROOT)))) {
                return rule.reply();
            }
        }
        return bot.fallback().get(Math.floorMod(nextFallback.getAndIncrement(), bot.fallback().size()));
    }

    private void call(Request request) {
        try {
            account.call(request, Object.class);
        } catch (RuntimeException e) {
            log.debug("demo contact could not answer: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        account.close();
    }
}
