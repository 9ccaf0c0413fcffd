package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one JSON codec of the protocol. No default typing: the envelope's {@code type} picks the record
 * class from a fixed table. Unknown-property policy: requests are read strictly (an unknown field is a
 * {@code bad_request}, since it means a client bug), while replies and events are read leniently so an
 * older client keeps working against a newer server that adds fields.
 */
public final class Codec {
    private static final Map<String, Class<? extends Request>> REQUEST_TYPES = Map.ofEntries(
            Map.entry("hello", Request.Hello.class),
            Map.entry("auth.register", Request.Register.class),
            Map.entry("auth.login", Request.Login.class),
            Map.entry("auth.logout", Request.Logout.class),
            Map.entry("auth.password", Request.PasswordChange.class),
            Map.entry("session.list", Request.SessionList.class),
            Map.entry("session.revoke", Request.SessionRevoke.class),
            Map.entry("user.get", Request.UserGet.class),
            Map.entry("conv.open", Request.ConversationOpen.class),
            Map.entry("conv.list", Request.ConversationList.class),
            Map.entry("msg.send", Request.MessageSend.class),
            Map.entry("msg.read", Request.MessageRead.class),
            Map.entry("msg.history", Request.MessageHistory.class),
            Map.entry("sync", Request.Sync.class),
            Map.entry("user.search", Request.UserSearch.class),
            Map.entry("user.follow", Request.UserFollow.class),
            Map.entry("user.unfollow", Request.UserUnfollow.class),
            Map.entry("user.block", Request.UserBlock.class),
            Map.entry("user.unblock", Request.UserUnblock.class),
            Map.entry("block.list", Request.BlockList.class),
            Map.entry("friend.list", Request.FriendList.class),
            Map.entry("privacy.get", Request.PrivacyGet.class),
            Map.entry("privacy.set", Request.PrivacySet.class),
            Map.entry("request.accept", Request.RequestAccept.class),
            Map.entry("request.decline", Request.RequestDecline.class),
            Map.entry("msg.unsend", Request.MessageUnsend.class),
            Map.entry("msg.react", Request.MessageReact.class),
            Map.entry("msg.pin", Request.MessagePin.class),
            Map.entry("poll.create", Request.PollCreate.class),
            Map.entry("poll.vote", Request.PollVote.class),
            Map.entry("poll.close", Request.PollClose.class),
            Map.entry("proposal.respond", Request.ProposalRespond.class),
            Map.entry("schedule.create", Request.ScheduleCreate.class),
            Map.entry("schedule.list", Request.ScheduleList.class),
            Map.entry("schedule.update", Request.ScheduleUpdate.class),
            Map.entry("schedule.cancel", Request.ScheduleCancel.class),
            Map.entry("schedule.send", Request.ScheduleSendNow.class),
            Map.entry("template.list", Request.QuickReplyList.class),
            Map.entry("template.save", Request.QuickReplySave.class),
            Map.entry("template.delete", Request.QuickReplyDelete.class),
            Map.entry("template.order", Request.QuickReplyOrder.class),
            Map.entry("contact.get", Request.ContactGet.class),
            Map.entry("contact.set", Request.ContactSet.class),
            Map.entry("insights.get", Request.InsightsGet.class),
            Map.entry("typing", Request.Typing.class),
            Map.entry("presence.get", Request.PresenceGet.class),
            Map.entry("report.create", Request.ReportCreate.class),
            Map.entry("media.begin", Request.MediaBegin.class),
            Map.entry("media.commit", Request.MediaCommit.class),
            Map.entry("media.abort", Request.MediaAbort.class),
            Map.entry("media.get", Request.MediaGet.class),
            Map.entry("profile.update", Request.ProfileUpdate.class),
            Map.entry("profile.avatar", Request.ProfileAvatar.class),
            Map.entry("user.card", Request.UserCard.class),
            Map.entry("user.avatar", Request.UserAvatar.class),
            Map.entry("group.create", Request.GroupCreate.class),
            Map.entry("group.add", Request.GroupAdd.class),
            Map.entry("group.remove", Request.GroupRemove.class),
            Map.entry("group.leave", Request.GroupLeave.class),
            Map.entry("group.role", Request.GroupRoleSet.class),
            Map.entry("group.update", Request.GroupUpdate.class),
            Map.entry("group.avatar", Request.GroupAvatar.class),
            Map.entry("group.avatar.get", Request.GroupAvatarGet.class),
            Map.entry("group.members", Request.GroupMembers.class),
            Map.entry("group.mute", Request.GroupMute.class),
            Map.entry("contact.card", Request.ContactCardGet.class),
            Map.entry("contact.card.set", Request.ContactCardSet.class),
            Map.entry("label.list", Request.LabelList.class),
            Map.entry("segment.list", Request.SegmentList.class),
            Map.entry("segment.save", Request.SegmentSave.class),
            Map.entry("segment.delete", Request.SegmentDelete.class),
            Map.entry("broadcast.preview", Request.BroadcastPreview.class),
            Map.entry("broadcast.send", Request.BroadcastSend.class),
            Map.entry("broadcast.list", Request.BroadcastList.class),
            Map.entry("broadcast.get", Request.BroadcastGet.class));
    private static final Map<String, Class<? extends Event>> EVENT_TYPES = Map.ofEntries(
            Map.entry("evt.message", Event.MessageEvent.class),
            Map.entry("evt.read", Event.ReadEvent.class),
            Map.entry("evt.privacy", Event.PrivacyEvent.class),
            Map.entry("evt.seen", Event.SeenEvent.class),
            Map.entry("evt.typing", Event.TypingEvent.class),
            Map.entry("evt.presence", Event.PresenceEvent.class),
            Map.entry("evt.upload", Event.UploadProgress.class),
            Map.entry("evt.upload.error", Event.UploadRefused.class),
            Map.entry("evt.scheduled", Event.ScheduledEvent.class),
            Map.entry("evt.templates", Event.QuickRepliesEvent.class),
            Map.entry("evt.contact", Event.ContactEvent.class),
            Map.entry("evt.contact.card", Event.ContactCardEvent.class),
            Map.entry("evt.segments", Event.SegmentsEvent.class),
            Map.entry("evt.broadcast", Event.BroadcastEvent.class));
    private static final Map<Class<?>, String> TYPE_NAMES = typeNames();
    private static final Set<String> ENVELOPE_FIELDS = Set.of("v", "id", "type", "body");

    private final ObjectMapper strict = mapper(true);
    private final ObjectMapper lenient = mapper(false);

    /** The wire type name of a request, e.g. {@code msg.send}. */
    public static String typeOf(Request request) {
        return TYPE_NAMES.get(request.getClass());
    }

    public static String typeOf(Event event) {
        return TYPE_NAMES.get(event.getClass());
    }

    /** All request type names, for documentation and tests. */
    public static Set<String> requestTypes() {
        return REQUEST_TYPES.keySet();
    }

    public String encodeRequest(String id, Request request) {
        ObjectNode envelope = strict.createObjectNode();
        envelope.put("v", Protocol.VERSION);
        envelope.put("id", id);
        return write(withTypeAndBody(envelope, typeOf(request), request));
    }

    /** Reads a client frame; never throws for bad input, but returns the typed error to send back. */
    public Decoded decodeRequest(String text) {
        JsonNode root;
        try {
            root = strict.readTree(text);
        } catch (StreamConstraintsException e) {
            return new Decoded.Failed(null, ProtocolException.badRequest("frame exceeds JSON limits"));
        } catch (JsonProcessingException e) {
            return new Decoded.Failed(null, ProtocolException.badRequest("malformed JSON"));
        }
        if (root == null || !root.isObject()) {
            return new Decoded.Failed(null, ProtocolException.badRequest("a frame must be a JSON object"));
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty()
                || idNode.asText().length() > Limits.MAX_REQUEST_ID_CHARS) {
            return new Decoded.Failed(null, ProtocolException.badRequest(
                    "'id' must be a string of 1–" + Limits.MAX_REQUEST_ID_CHARS + " characters"));
        }
        String id = idNode.asText();
        try {
            return new Decoded.Ok(id, readEnvelope(root));
        } catch (ProtocolException e) {
            return new Decoded.Failed(id, e);
        }
    }

    private Request readEnvelope(JsonNode root) {
        JsonNode version = root.get("v");
        if (version == null || !version.isIntegralNumber()) {
            throw ProtocolException.badRequest("'v' must be the protocol version number");
        }
        if (version.asLong() != Protocol.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION,
                    "protocol version " + version.asLong() + " is not supported; this server speaks "
                            + Protocol.VERSION);
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE_FIELDS.contains(name)) {
                throw ProtocolException.badRequest("unknown envelope field '" + name + "'");
            }
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw ProtocolException.badRequest("'type' must be a string");
        }
        Class<? extends Request> type = REQUEST_TYPES.get(typeNode.asText());
        if (type == null) {
            throw ProtocolException.badRequest("unknown type '" + truncate(typeNode.asText()) + "'");
        }
        JsonNode body = root.get("body");
        if (body == null || body.isNull()) {
            body = strict.createObjectNode();
        }
        if (!body.isObject()) {
            throw ProtocolException.badRequest("'body' must be a JSON object");
        }
        return readValue(strict, body, type);
    }

    public String encodeOk(String re, Object body) {
        ObjectNode frame = strict.createObjectNode();
        frame.put("re", re);
        return write(withTypeAndBody(frame, "ok", body));
    }

    public String encodeError(String re, ProtocolException error) {
        ObjectNode frame = strict.createObjectNode();
        frame.put("re", re);
        frame.put("type", "error");
        frame.put("code", error.code().wireName());
        frame.put("message", error.getMessage());
        if (error.retryAfterMs() != null) {
            frame.put("retryAfterMs", error.retryAfterMs());
        }
        return write(frame);
    }

    public String encodeEvent(Event event) {
        return write(withTypeAndBody(strict.createObjectNode(), typeOf(event), event));
    }

    private ObjectNode withTypeAndBody(ObjectNode frame, String type, Object body) {
        frame.put("type", type);
        frame.set("body", strict.valueToTree(body));
        return frame;
    }

    /**
     * A body record as a standalone, indented JSON document in the wire's field names and formats, for
     * files a person keeps (e.g. the evidence of a report).
     */
    public String encodeDocument(Object value) {
        try {
            return strict.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a server frame on the client side, leniently. */
    public ServerFrame decodeServerFrame(String text) {
        JsonNode root;
        try {
            root = lenient.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.INTERNAL, "malformed frame from server");
        }
        String type = root.path("type").asText("");
        String re = root.hasNonNull("re") ? root.get("re").asText() : null;
        switch (type) {
            case "ok":
                return new ServerFrame.Ok(re, root.path("body"));
            case "error":
                return new ServerFrame.Error(re, ErrorCode.fromWire(root.path("code").asText()),
                        root.path("message").asText(""),
                        root.hasNonNull("retryAfterMs") ? root.get("retryAfterMs").asLong() : null);
            default:
                Class<? extends Event> eventType = EVENT_TYPES.get(type);
                if (eventType == null) {
                    return new ServerFrame.Unknown(type);
                }
                return new ServerFrame.Pushed(readValue(lenient, root.path("body"), eventType));
        }
    }

    /** Decodes the body of an {@code ok} reply into the record the request expects. */
    public <T> T readBody(JsonNode body, Class<T> type) {
        return readValue(lenient, body, type);
    }

    private static <T> T readValue(ObjectMapper mapper, JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw ProtocolException.badRequest("unknown field '" + truncate(e.getPropertyName()) + "'");
        } catch (JsonMappingException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ProtocolException protocolException) {
                    throw protocolException;
                }
            }
            throw ProtocolException.badRequest("field '" + fieldPath(e) + "' has a wrong type or value");
        } catch (JsonProcessingException e) {
            throw ProtocolException.badRequest("malformed body");
        }
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return truncate(path.isEmpty() ? "body" : path);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private String write(JsonNode node) {
        try {
            return strict.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a tree we built", e);
        }
    }

    private static ObjectMapper mapper(boolean strictRequests) {
        int maxDocument = strictRequests ? Limits.MAX_FRAME_BYTES : Limits.MAX_SERVER_FRAME_BYTES;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocument)
                        .maxStringLength(maxDocument)
                        .maxNameLength(256)
                        .maxNestingDepth(16)
                        .maxNumberLength(24)
                        .build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        if (strictRequests) {
            // A number or boolean where text belongs is a client bug, not something to stringify.
            builder.withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        }
        return builder
                .addModule(new JavaTimeModule())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strictRequests)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, !strictRequests)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, !strictRequests)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    private static Map<Class<?>, String> typeNames() {
        Map<Class<?>, String> names = new java.util.HashMap<>();
        REQUEST_TYPES.forEach((name, type) -> names.put(type, name));
        EVENT_TYPES.forEach((name, type) -> names.put(type, name));
        return Map.copyOf(names);
    }

    /** The outcome of reading a client frame. */
    public sealed interface Decoded {
        record Ok(String id, Request request) implements Decoded {
        }

        /** {@code id} is null when the frame was too broken to carry one. */
        record Failed(String id, ProtocolException error) implements Decoded {
        }
    }
}
