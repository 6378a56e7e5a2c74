package org.concord.secrets;

/** The secret store cannot be read or written: wrong passphrase, unreadable or damaged file, no such entry. */
public final class SecretStoreException extends RuntimeException {
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public SecretStoreException(String message) {
        super(message);
    }
}
