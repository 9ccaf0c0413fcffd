package dev.parley.client.launcher;

import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a fresh demo server with the script's people and histories, through the wire protocol. History is
 * back-dated by setting the server's clock back for each message, so day separators and times look lived-in.
 */
final class DemoSeeder {
    private static final int LONG_CONVERSATION_MESSAGES = 540;

    private final URI server;
    private final DemoClock clock;
    private final DemoScript script;
    private final Instant now = Instant.now();
    private final ZoneId zone = ZoneId.systemDefault();

    DemoSeeder(URI server, DemoClock clock, DemoScript script) {
        this.server = server;
        this.clock = clock;
        this.script = script;
    }

    /** Registers everyone and writes the histories; returns each person's session token by handle. */
    Map<String, String> seed() {
        Map<String, String> tokens = new HashMap<>();
        Map<String, WireAccount> accounts = new HashMap<>();
        try {
            register(script.me(), tokens, accounts);
            script.contacts().forEach(c -> register(c.person(), tokens, accounts));
            // People the user has not met yet, to find by name or niche tag in Find people.
            script.others().forEach(person -> register(person, tokens, accounts));
            WireAccount me = accounts.get(script.me().handle());
            for (DemoScript.Contact contact : script.contacts()) {
                // Everyone in the demo knows Sam: friends, so their histories are ordinary conversations.
                me.call(new Request.UserFollow(contact.handle()), Reply.Relationship.class);
                accounts.get(contact.handle()).call(new Request.UserFollow(script.me().handle()),
                        Reply.Relationship.class);
                // The contacts share read receipts, so turning them on in Privacy shows "Seen" at once.
                accounts.get(contact.handle()).call(new Request.PrivacySet(null, true, null), Reply.Privacy.class);
            }
            for (DemoScript.Contact contact : script.contacts()) {
                long conversation = me.call(new Request.ConversationOpen(contact.handle()),
                        ConversationSummary.class).id();
                List<DemoScript.Line> history = new ArrayList<>();
                if (contact.handle().equals(script.longConversation().handle())) {
                    history.addAll(generatedHistory(script.longConversation()));
                }
                history.addAll(contact.history());
                // A history that would end in the future (a demo started early in the day) moves back by whole
                // days, so its times of day stay natural.
                Duration shift = history.stream().map(this::at).max(Instant::compareTo)
                        .map(latest -> Duration.between(now.minus(Duration.ofMinutes(3)), latest))
                        .filter(late -> !late.isNegative())
                        .map(late -> Duration.ofDays(late.toDays() + 1)).orElse(Duration.ZERO);
                long lastSeq = 0;
                for (DemoScript.Line line : history) {
                    WireAccount from = accounts.get(line.fromMe() ? script.me().handle() : contact.handle());
                    clock.setBack(Duration.between(at(line).minus(shift), now));
                    lastSeq = from.call(new Request.MessageSend(conversation, UUID.randomUUID(), line.text()),
                            Reply.Sent.class).message().seq();
                }
                me.call(new Request.MessageRead(conversation, Math.max(0, lastSeq - contact.unread())),
                        Reply.ReadCursor.class);
            }
            for (DemoScript.Group group : script.groups()) {
                seedGroup(group, me, accounts);
            }
            seedOffersAndProposals(me, accounts);
        } finally {
            clock.reset();
            accounts.values().forEach(WireAccount::close);
        }
        return tokens;
    }

    /** Offers and proposals contacts sent the user, at their times (after the histories, so they are newest). */
    private void seedOffersAndProposals(WireAccount me, Map<String, WireAccount> accounts) {
        for (DemoScript.Offer offer : script.offers()) {
            long conversation = me.call(new Request.ConversationOpen(offer.from()), ConversationSummary.class).id();
            Instant sent = at(offer.when());
            clock.setBack(Duration.between(sent, now));
            accounts.get(offer.from()).call(Request.MessageSend.offer(conversation, UUID.randomUUID(),
                    new dev.parley.protocol.Offer(offer.title(), offer.description(), offer.code(),
                            sent.plus(Duration.ofHours(offer.hours()))), null), Reply.Sent.class);
        }
        for (DemoScript.Proposal proposal : script.proposals()) {
            long conversation = me.call(new Request.ConversationOpen(proposal.from()), ConversationSummary.class).id();
            clock.setBack(Duration.between(at(proposal.when()), now));
            accounts.get(proposal.from()).call(Request.MessageSend.proposal(conversation, UUID.randomUUID(),
                    new dev.parley.protocol.Proposal(proposal.idea(), proposal.theyBring(), proposal.youBring(),
                            proposal.theyGain(), proposal.youGain(), proposal.timeline(), proposal.deliverables()),
                    null), Reply.Sent.class);
        }
    }

    /** The user's group with some contacts, created just before its first line, then its history. */
    private void seedGroup(DemoScript.Group group, WireAccount me, Map<String, WireAccount> accounts) {
        if (group.history().isEmpty()) {
            return;
        }
        clock.setBack(Duration.between(at(group.history().get(0)).minus(Duration.ofMinutes(1)), now));
        long conversation = me.call(new Request.GroupCreate(UUID.randomUUID(), group.title(), group.description(),
                group.members()), Reply.GroupMembership.class).conversation().id();
        for (DemoScript.Line line : group.history()) {
            WireAccount from = line.fromMe() ? me : accounts.get(line.from());
            clock.setBack(Duration.between(at(line), now));
            from.call(new Request.MessageSend(conversation, UUID.randomUUID(), line.text()), Reply.Sent.class);
        }
    }

    private void register(DemoScript.Person person, Map<String, String> tokens, Map<String, WireAccount> accounts) {
        WireAccount account = WireAccount.anonymous(server);
        Reply.AuthResult auth = account.call(new Request.Register(person.handle(), person.displayName(),
                UUID.randomUUID().toString(), "Parley demo"), Reply.AuthResult.class);
        account.token(auth.token());
        if (person.bio() != null || person.tags() != null) {
            account.call(new Request.ProfileUpdate(null, person.bio(), person.tags()), UserProfile.class);
        }
        tokens.put(person.handle(), auth.token());
        accounts.put(person.handle(), account);
    }

    private Instant at(DemoScript.Line line) {
        return LocalDate.now(zone).minusDays(line.daysAgo()).atTime(LocalTime.parse(line.time()))
                .atZone(zone).toInstant();
    }

    /** A long, plausible back-and-forth spread over the given days, the same on every machine. */
    private static List<DemoScript.Line> generatedHistory(DemoScript.LongConversation spec) {
        Random random = new Random(7);
        List<String> mine = spec.lines().get("me");
        List<String> theirs = spec.lines().get("them");
        List<DemoScript.Line> lines = new ArrayList<>();
        boolean fromMe = false;
        int perDay = Math.max(1, LONG_CONVERSATION_MESSAGES / spec.days());
        for (int day = spec.days(); day >= 1 && lines.size() < LONG_CONVERSATION_MESSAGES; day--) {
            int minute = 8 * 60 + random.nextInt(120);
            int today = perDay + random.nextInt(5) - 2;
            for (int i = 0; i < today && minute < 22 * 60; i++) {
                if (random.nextInt(3) > 0) {
                    fromMe = !fromMe;
                }
                List<String> pool = fromMe ? mine : theirs;
                String time = String.format("%02d:%02d", minute / 60, minute % 60);
                lines.add(new DemoScript.Line(fromMe ? "me" : "them", day, time,
                        pool.get(random.nextInt(pool.size()))));
                minute += 1 + random.nextInt(40);
            }
        }
        return lines;
    }
}
