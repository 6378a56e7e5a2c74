package org.concord.bus.redis;

/** Why a message read from Redis was rejected (counted per reason, dead-lettered on streams). */
public enum RejectReason {
    /** The stream entry has no {@code m} field (written by something other than a Concord bus). */
    MISSING_FIELD,
    /** Not JSON, or not a JSON object. */
    BAD_JSON,
    /** A required envelope field is missing or has the wrong JSON type. */
    BAD_ENVELOPE,
    /** {@code v} is not a schema version this build reads. */
    UNKNOWN_VERSION,
    /** The envelope's topic is not the topic of the stream or channel it came on. */
    WRONG_TOPIC,
    /** The envelope's type is not the Java type of the topic. */
    WRONG_TYPE,
    /** The payload does not map to the topic's type (missing/unknown fields, wrong value types). */
    BAD_PAYLOAD
}
