package org.concord.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretStoreTest {
    static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @TempDir
    Path dir;

    @Test
    void storeAndLoadRoundTripEncryptedOnDisk() throws Exception {
        SecretStore s = SecretStore.open(dir, "correct horse".toCharArray());
        new ApiCredentials(Secret.of(KEY), Secret.of(SECRET)).saveTo(s, "binance-testnet");
        assertThat(s.names()).containsExactly("binance-testnet.api-key", "binance-testnet.api-secret");

        SecretStore reopened = SecretStore.open(dir, "correct horse".toCharArray());
        ApiCredentials c = ApiCredentials.fromStore(reopened, "binance-testnet").orElseThrow();
        assertThat(c.apiKey().reveal()).isEqualTo(KEY);
        assertThat(c.apiSecret().reveal()).isEqualTo(SECRET);

        byte[] file = Files.readAllBytes(dir.resolve(SecretStore.FILE_NAME));
        String raw = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(KEY.substring(0, 16)).doesNotContain(SECRET.substring(20, 36));
        assertThat(Files.getPosixFilePermissions(dir.resolve(SecretStore.FILE_NAME)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        assertThat(reopened.remove("binance-testnet.api-key")).isTrue();
        assertThat(SecretStore.open(dir, "correct horse".toCharArray()).get("binance-testnet.api-key")).isEmpty();
        assertThat(ApiCredentials.fromStore(reopened, "binance-testnet")).isEmpty();
    }

    @Test
    void aWrongPassphraseIsAClearError() {
        SecretStore.open(dir, "correct horse".toCharArray()).put("x.api-key", Secret.of(KEY));
        assertThatThrownBy(() -> SecretStore.open(dir, "wrong horse!".toCharArray()))
                .isInstanceOf(SecretStoreException.class).hasMessageContaining("wrong passphrase").hasMessageContaining("secrets.p12");
        assertThatThrownBy(() -> SecretStore.open(dir, "short".toCharArray())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 8");
    }

    @Test
    void secretsShowMaskedNeverSerializeAndCanBeWiped() throws Exception {
        Secret key = Secret.of(KEY);
        Secret secret = Secret.of(SECRET);
        assertThat(key.toString()).isEqualTo("Secret[****]");
        assertThat(key.masked()).isEqualTo("vmPU…Eh8A");
        assertThat(Secret.of("short").masked()).isEqualTo("****");
        ApiCredentials c = new ApiCredentials(key, secret);
        assertThat(c.toString()).isEqualTo("ApiCredentials[key=vmPU…Eh8A, secret=****]").doesNotContain(SECRET);

        record Holder(String venue, Secret apiSecret, ApiCredentials credentials) {
        }
        String json = new ObjectMapper().writeValueAsString(new Holder("binance", secret, c));
        assertThat(json).contains("binance").doesNotContain(SECRET).doesNotContain(KEY);

        assertThat(key.sameValue(Secret.of(KEY))).isTrue();
        assertThat(key.sameValue(secret)).isFalse();
        c.close();
        assertThat(secret.isWiped()).isTrue();
        assertThatThrownBy(secret::reveal).isInstanceOf(IllegalStateException.class);
        assertThat(secret.masked()).isEqualTo("(wiped)");
    }

    @Test
    void environmentVariablesWinAndMissingCredentialsNameBothPlaces() {
        SecretStore s = SecretStore.open(dir, "correct horse".toCharArray());
        new ApiCredentials(Secret.of("store-key-0123456789"), Secret.of("store-secret")).saveTo(s, "binance");
        Map<String, String> env = Map.of("CONCORD_BINANCE_API_KEY", KEY, "CONCORD_BINANCE_API_SECRET", SECRET);
        assertThat(ApiCredentials.resolve(env, s, "binance").apiKey().reveal()).isEqualTo(KEY);
        assertThat(ApiCredentials.resolve(Map.of(), s, "binance").apiKey().reveal()).isEqualTo("store-key-0123456789");
        assertThat(ApiCredentials.keyVariable("binance-testnet")).isEqualTo("CONCORD_BINANCE_TESTNET_API_KEY");
        assertThatThrownBy(() -> ApiCredentials.resolve(Map.of(), s, "binance-testnet")).isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("CONCORD_BINANCE_TESTNET_API_KEY").hasMessageContaining("concord keys set binance-testnet");
    }

    @Test
    void keysCommandStoresListsMaskedAndRemovesWithoutPrintingSecrets() {
        Map<String, String> env = Map.of(KeysCommand.PASSPHRASE_VARIABLE, "correct horse");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int rc = KeysCommand.run(new String[] {"set", "binance-testnet"}, dir, env, null,
                new BufferedReader(new StringReader(KEY + "\n" + SECRET + "\n")), ps);
        assertThat(rc).isZero();
        assertThat(KeysCommand.run(new String[] {"list"}, dir, env, null, new BufferedReader(new StringReader("")), ps)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("binance-testnet.api-key  vmPU…Eh8A").contains("binance-testnet.api-secret  ****")
                .doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(ApiCredentials.fromStore(SecretStore.open(dir, "correct horse".toCharArray()), "binance-testnet").orElseThrow()
                .apiSecret().reveal()).isEqualTo(SECRET);
        assertThat(KeysCommand.run(new String[] {"remove", "binance-testnet"}, dir, env, null, new BufferedReader(new StringReader("")), ps)).isZero();
        assertThat(SecretStore.open(dir, "correct horse".toCharArray()).names()).isEmpty();
        assertThat(KeysCommand.run(new String[] {"list"}, dir, Map.of(KeysCommand.PASSPHRASE_VARIABLE, "not the one"), null,
                new BufferedReader(new StringReader("")), ps)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("error: wrong passphrase");
    }
}
