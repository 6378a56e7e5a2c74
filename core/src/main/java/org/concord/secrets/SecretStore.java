package org.concord.secrets;

import javax.crypto.BadPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets (API keys and secrets) in an encrypted PKCS#12 keystore, by default {@code <data-dir>/secrets.p12}.
 * Each value is a {@link KeyStore.SecretKeyEntry} holding a PBE key (the way {@code keytool -importpass} stores a
 * password), protected with PBEWithHmacSHA256AndAES_256; the file's integrity MAC uses the same passphrase. Nothing
 * is ever written in plain text: a value is only in memory as a {@link Secret}.
 *
 * <p>Writes go to a temporary file that replaces the keystore atomically, so a crash mid-write leaves the old file.
 * On POSIX file systems the file is readable by its owner only. A wrong passphrase is a {@link SecretStoreException}
 * that says so. Not thread-safe: one writer (the CLI or the app's settings dialog) at a time.
 */
public final class SecretStore {
    public static final String FILE_NAME = "secrets.p12";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int ITERATIONS = 10_000;

    private final Path file;
    private final char[] passphrase;
    private final KeyStore keyStore;
    private final SecureRandom random = new SecureRandom();

    private SecretStore(Path file, char[] passphrase, KeyStore keyStore) {
        this.file = file;
        this.passphrase = passphrase;
        this.keyStore = keyStore;
    }

    /** The store in {@code dataDir} ({@link #FILE_NAME}); created empty (written on the first put) when absent. */
    public static SecretStore open(Path dataDir, char[] passphrase) {
        if (dataDir == null) {
            throw new IllegalArgumentException("data directory is null");
        }
        return openFile(dataDir.resolve(FILE_NAME), passphrase);
    }

    public static SecretStore openFile(Path file, char[] passphrase) {
        if (file == null) {
            throw new IllegalArgumentException("keystore file is null");
        }
        if (passphrase == null || passphrase.length < 8) {
            throw new IllegalArgumentException("the secret store passphrase must have at least 8 characters");
        }
        char[] pass = passphrase.clone();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, pass);
                } catch (IOException e) {
                    if (isWrongPassword(e)) {
                        Arrays.fill(pass, '\0');
                        throw new SecretStoreException("wrong passphrase for the secret store " + file, e);
                    }
                    throw new SecretStoreException("cannot read the secret store " + file + ": " + e.getMessage(), e);
                }
            } else {
                try {
                    ks.load(null, null);
                } catch (IOException e) {
                    throw new SecretStoreException("cannot create a PKCS#12 keystore: " + e.getMessage(), e);
                }
            }
            return new SecretStore(file, pass, ks);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("cannot open the secret store " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isWrongPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnrecoverableKeyException || t instanceof BadPaddingException) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().toLowerCase().contains("password was incorrect")) {
                return true;
            }
        }
        return false;
    }

    public Path file() {
        return file;
    }

    /** Stores {@code value} under {@code name} (replacing any), then writes the file. */
    public void put(String name, Secret value) {
        checkName(name);
        if (value == null) {
            throw new IllegalArgumentException("secret for '" + name + "' is null");
        }
        char[] chars = value.chars();
        try {
            for (char c : chars) {
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("secret '" + name + "' must be printable ASCII (API keys are)");
                }
            }
            SecretKey key = SecretKeyFactory.getInstance("PBE").generateSecret(new PBEKeySpec(chars));
            byte[] salt = new byte[20];
            random.nextBytes(salt);
            keyStore.setEntry(name, new KeyStore.SecretKeyEntry(key), protection(salt));
            save();
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("cannot store secret '" + name + "': " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** The secret stored under {@code name}, or empty. */
    public Optional<Secret> get(String name) {
        checkName(name);
        try {
            if (!keyStore.containsAlias(name)) {
                return Optional.empty();
            }
            KeyStore.Entry e = keyStore.getEntry(name, new KeyStore.PasswordProtection(passphrase));
            if (!(e instanceof KeyStore.SecretKeyEntry ske)) {
                throw new SecretStoreException("entry '" + name + "' in " + file + " is not a secret entry");
            }
            SecretKey key = ske.getSecretKey();
            PBEKeySpec spec = (PBEKeySpec) SecretKeyFactory.getInstance("PBE").getKeySpec(key, PBEKeySpec.class);
            char[] chars = spec.getPassword();
            spec.clearPassword();
            try {
                return Optional.of(Secret.of(chars));
            } finally {
                Arrays.fill(chars, '\0');
            }
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("cannot read secret '" + name + "' from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes {@code name}; returns whether it was there. */
    public boolean remove(String name) {
        checkName(name);
        try {
            if (!keyStore.containsAlias(name)) {
                return false;
            }
            keyStore.deleteEntry(name);
            save();
            return true;
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("cannot remove secret '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Names stored, sorted. */
    public List<String> names() {
        try {
            List<String> out = new ArrayList<>(Collections.list(keyStore.aliases()));
            Collections.sort(out);
            return out;
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("cannot list " + file + ": " + e.getMessage(), e);
        }
    }

    private KeyStore.PasswordProtection protection(byte[] salt) {
        return new KeyStore.PasswordProtection(passphrase, PROTECTION, new PBEParameterSpec(salt, ITERATIONS));
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("secret name must be 1-64 of [a-z0-9._-] starting with a letter or digit, got '" + name + "'");
        }
    }

    private void save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".secrets", ".tmp");
            try {
                restrict(tmp);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    keyStore.store(out, passphrase);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new SecretStoreException("cannot write the secret store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the user profile's ACLs apply
        }
    }
}
