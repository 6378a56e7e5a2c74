package org.concord.bus.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.concord.bus.Topic;

import java.util.regex.Pattern;

/**
 * The versioned wire format of every bus message (docs/event-bus.md):
 * {@code {"v":1,"topic":"..","type":"<java class>","origin":"<bus instance>","seq":n,"ts":epochMs,"payload":{..}}}.
 * The payload is the event written by Jackson (records as objects, java.time as ISO-8601 strings).
 *
 * <p>Reading is strict: unknown or missing payload fields and nulls for primitives are rejected, so a producer on
 * another schema shows up as counted, dead-lettered rejects instead of silently zeroed fields. (The writer always
 * writes every record component, nulls included.)
 *
 * @param origin bus instance that published it (a process skips its own echoes)
 * @param seq    1, 2, 3... per (origin, topic): consumers drop resent duplicates by it
 */
public record Envelope(int version, String topic, String type, String origin, long seq, long ts, JsonNode payload) {
    public static final int VERSION = 1;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._$#:-]+");

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    /** The event as JSON; a type Jackson cannot write is a programming error and fails loudly at publish time. */
    static String payloadJson(Topic<?> topic, Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.getClass().getName() + " on " + topic.name()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Builds the envelope text around an already-written payload. Topic names, class names and origins are
     * restricted to characters that need no JSON escaping, so plain concatenation is exact (and cheap inside
     * the publish lock).
     */
    static String write(Topic<?> topic, String origin, long seq, long ts, String payloadJson) {
        String type = topic.type().getName();
        if (!SAFE.matcher(origin).matches() || !SAFE.matcher(type).matches()) {
            throw new IllegalArgumentException("origin/type must match " + SAFE + ": " + origin + ", " + type);
        }
        return "{\"v\":" + VERSION + ",\"topic\":\"" + topic.name() + "\",\"type\":\"" + type + "\",\"origin\":\""
                + origin + "\",\"seq\":" + seq + ",\"ts\":" + ts + ",\"payload\":" + payloadJson + "}";
    }

    /** Parses and checks the envelope (not yet the payload). */
    static Envelope parse(String text) throws MalformedMessageException {
        if (text == null) {
            throw new MalformedMessageException(RejectReason.MISSING_FIELD, "no message field");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(RejectReason.BAD_JSON, e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new MalformedMessageException(RejectReason.BAD_JSON, "not a JSON object");
        }
        JsonNode v = n.get("v");
        if (v == null || !v.canConvertToInt()) {
            throw new MalformedMessageException(RejectReason.BAD_ENVELOPE, "missing integer field v");
        }
        if (v.intValue() != VERSION) {
            throw new MalformedMessageException(RejectReason.UNKNOWN_VERSION,
                    "schema version " + v.asText() + ", this build reads " + VERSION);
        }
        JsonNode payload = n.get("payload");
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            throw new MalformedMessageException(RejectReason.BAD_ENVELOPE, "missing payload");
        }
        return new Envelope(VERSION, text(n, "topic"), text(n, "type"), text(n, "origin"), integer(n, "seq"),
                integer(n, "ts"), payload);
    }

    /** Checks that the envelope belongs to {@code topic} and maps the payload to the topic's type. */
    <T> T payloadAs(Topic<T> expected) throws MalformedMessageException {
        if (!expected.name().equals(topic)) {
            throw new MalformedMessageException(RejectReason.WRONG_TOPIC,
                    "envelope says topic " + topic + " on the stream of " + expected.name());
        }
        if (!expected.type().getName().equals(type)) {
            throw new MalformedMessageException(RejectReason.WRONG_TYPE,
                    "envelope type " + type + ", topic " + expected.name() + " carries " + expected.type().getName());
        }
        try {
            T value = MAPPER.treeToValue(payload, expected.type());
            if (value == null) {
                throw new MalformedMessageException(RejectReason.BAD_PAYLOAD, "payload maps to null");
            }
            return value;
        } catch (JsonProcessingException | RuntimeException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new MalformedMessageException(RejectReason.BAD_PAYLOAD, oneLine(msg));
        }
    }

    private static String text(JsonNode n, String field) throws MalformedMessageException {
        JsonNode f = n.get(field);
        if (f == null || !f.isTextual() || f.textValue().isEmpty()) {
            throw new MalformedMessageException(RejectReason.BAD_ENVELOPE, "missing text field " + field);
        }
        return f.textValue();
    }

    private static long integer(JsonNode n, String field) throws MalformedMessageException {
        JsonNode f = n.get(field);
        if (f == null || !f.isIntegralNumber() || !f.canConvertToLong()) {
            throw new MalformedMessageException(RejectReason.BAD_ENVELOPE, "missing integer field " + field);
        }
        return f.longValue();
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
