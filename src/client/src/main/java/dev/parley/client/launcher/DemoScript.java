package dev.parley.client.launcher;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The demo's people and their histories, read from {@code demo-script.json}. */
record DemoScript(Person me, List<Contact> contacts, List<Person> others, Bot bot,
        @JsonProperty("long") LongConversation longConversation, List<Group> groups, List<Offer> offers,
        List<Proposal> proposals) {

    DemoScript {
        others = others == null ? List.of() : others;
        groups = groups == null ? List.of() : groups;
        offers = offers == null ? List.of() : offers;
        proposals = proposals == null ? List.of() : proposals;
    }

    /** An offer a contact sent the user, {@code hours} long from when it was sent. */
    record Offer(String from, int daysAgo, String time, int hours, String title, String description, String code) {
        Line when() {
            return new Line(from, daysAgo, time, title);
        }
    }

    /** A collaboration proposal a contact made to the user, in the contact's words. */
    record Proposal(String from, int daysAgo, String time, String idea, String theyBring, String youBring,
            String theyGain, String youGain, String timeline, String deliverables) {
        Line when() {
            return new Line(from, daysAgo, time, idea);
        }
    }

    /** A group the user made with some of the contacts; a line's {@code from} is "me" or a member's handle. */
    record Group(String title, String description, List<String> members, List<Line> history) {
    }

    /** Someone in the demo, with the bio and niche tags their profile shows (either may be absent). */
    record Person(String handle, String displayName, String bio, List<String> tags) {
    }

    record Line(String from, int daysAgo, String time, String text) {
        boolean fromMe() {
            return "me".equals(from);
        }
    }

    record Contact(String handle, String displayName, int unread, List<Line> history, String bio,
            List<String> tags) {
        Person person() {
            return new Person(handle, displayName, bio, tags);
        }
    }

    record Rule(List<String> match, String reply) {
    }

    record Bot(String handle, String greeting, List<Rule> replies, List<String> fallback) {
    }

    /** A conversation generated from line pools, long enough to exercise scrolling and paging. */
    record LongConversation(String handle, int days, Map<String, List<String>> lines) {
    }

    static DemoScript load() {
        try (InputStream in = DemoScript.class.getResourceAsStream("demo-script.json")) {
            if (in == null) {
                throw new IllegalStateException("demo-script.json is missing from the build");
            }
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, DemoScript.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo script", e);
        }
    }
}
