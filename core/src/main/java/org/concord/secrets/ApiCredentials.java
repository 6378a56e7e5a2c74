package org.concord.secrets;

import java.util.Map;
import java.util.Optional;

/**
 * An exchange API key and secret. Both are {@link Secret}s: {@link #toString()} shows the key masked and never the
 * secret. Found in the environment ({@code CONCORD_<VENUE>_API_KEY} / {@code CONCORD_<VENUE>_API_SECRET}, e.g.
 * {@code CONCORD_BINANCE_API_KEY}) or in the {@link SecretStore} under {@code <venue>.api-key} /
 * {@code <venue>.api-secret}; the environment wins when both of its variables are set.
 */
public record ApiCredentials(Secret apiKey, Secret apiSecret) implements AutoCloseable {
    public ApiCredentials {
        if (apiKey == null || apiSecret == null) {
            throw new IllegalArgumentException("api key and secret are required");
        }
    }

    public static String keyName(String venue) {
        return checkVenue(venue) + ".api-key";
    }

    public static String secretName(String venue) {
        return checkVenue(venue) + ".api-secret";
    }

    /** {@code CONCORD_BINANCE_TESTNET_API_KEY} for venue "binance-testnet". */
    public static String keyVariable(String venue) {
        return "CONCORD_" + checkVenue(venue).toUpperCase().replace('-', '_').replace('.', '_') + "_API_KEY";
    }

    public static String secretVariable(String venue) {
        return "CONCORD_" + checkVenue(venue).toUpperCase().replace('-', '_').replace('.', '_') + "_API_SECRET";
    }

    private static String checkVenue(String venue) {
        if (venue == null || !venue.matches("[a-z0-9][a-z0-9.-]{0,40}")) {
            throw new IllegalArgumentException("venue must be lower-case letters, digits, '.' or '-', got '" + venue + "'");
        }
        return venue;
    }

    /** Stores both values in {@code store} (what {@code concord keys set <venue>} does). */
    public void saveTo(SecretStore store, String venue) {
        store.put(keyName(venue), apiKey);
        store.put(secretName(venue), apiSecret);
    }

    /** Both variables from {@code env}, when both are set and non-empty. */
    public static Optional<ApiCredentials> fromEnvironment(Map<String, String> env, String venue) {
        String k = env.get(keyVariable(venue));
        String s = env.get(secretVariable(venue));
        if (k == null || k.isBlank() || s == null || s.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ApiCredentials(Secret.of(k.trim()), Secret.of(s.trim())));
    }

    /** Both entries from {@code store}, when both are there. */
    public static Optional<ApiCredentials> fromStore(SecretStore store, String venue) {
        Optional<Secret> k = store.get(keyName(venue));
        Optional<Secret> s = store.get(secretName(venue));
        if (k.isEmpty() || s.isEmpty()) {
            k.ifPresent(Secret::wipe);
            s.ifPresent(Secret::wipe);
            return Optional.empty();
        }
        return Optional.of(new ApiCredentials(k.get(), s.get()));
    }

    /**
     * The environment's credentials, else the store's (the store may be null when no passphrase was given).
     *
     * @throws SecretStoreException naming both places when neither has them
     */
    public static ApiCredentials resolve(Map<String, String> env, SecretStore store, String venue) {
        Optional<ApiCredentials> c = fromEnvironment(env, venue);
        if (c.isPresent()) {
            return c.get();
        }
        if (store != null) {
            c = fromStore(store, venue);
            if (c.isPresent()) {
                return c.get();
            }
        }
        throw new SecretStoreException("no API credentials for " + venue + ": set " + keyVariable(venue) + " and " + secretVariable(venue)
                + ", or store them with `concord keys set " + venue + "`" + (store == null ? " and unlock the secret store" : " (" + store.file() + ")"));
    }

    @Override
    public void close() {
        apiKey.wipe();
        apiSecret.wipe();
    }

    @Override
    public String toString() {
        return "ApiCredentials[key=" + apiKey.masked() + ", secret=****]";
    }
}
