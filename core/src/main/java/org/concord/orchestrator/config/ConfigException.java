package org.concord.orchestrator.config;

/** A configuration that cannot be used, with where it is wrong (file and line) in the message. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
