package org.concord.secrets;

import org.concord.store.DataDirectory;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * What a future {@code concord keys ...} command calls (also runnable alone:
 * {@code java -cp concord-core.jar org.concord.secrets.KeysCommand set binance-testnet}):
 * <ul>
 *   <li>{@code set <venue>}: asks for the API key and secret (no echo on a console) and stores them;</li>
 *   <li>{@code list}: the stored names, keys masked;</li>
 *   <li>{@code remove <venue>}.</li>
 * </ul>
 * The store's passphrase is read from {@code CONCORD_SECRETS_PASSPHRASE} or asked for. Values are never printed.
 */
public final class KeysCommand {
    public static final String PASSPHRASE_VARIABLE = "CONCORD_SECRETS_PASSPHRASE";

    private KeysCommand() {
    }

    public static void main(String[] args) {
        int rc = run(args, DataDirectory.resolve(), System.getenv(), System.console(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    /** The command's work with its inputs given (tests pass a reader; a console, when there, is used instead). */
    public static int run(String[] args, Path dataDir, Map<String, String> env, Console console, BufferedReader in, PrintStream out) {
        if (args.length == 0 || !(args[0].equals("set") || args[0].equals("list") || args[0].equals("remove"))
                || (!args[0].equals("list") && args.length < 2)) {
            out.println("usage: keys set <venue> | keys list | keys remove <venue>   (venue e.g. binance, binance-testnet)");
            return 2;
        }
        char[] pass = passphrase(env, console, in);
        try {
            SecretStore store = SecretStore.open(dataDir, pass);
            switch (args[0]) {
                case "set" -> {
                    String venue = args[1];
                    char[] key = ask(console, in, "API key for " + venue + ": ");
                    char[] secret = ask(console, in, "API secret for " + venue + ": ");
                    try (ApiCredentials c = new ApiCredentials(Secret.of(trim(key)), Secret.of(trim(secret)))) {
                        c.saveTo(store, venue);
                        out.println("stored " + c + " in " + store.file());
                    } finally {
                        Arrays.fill(key, '\0');
                        Arrays.fill(secret, '\0');
                    }
                }
                case "list" -> {
                    for (String name : store.names()) {
                        Optional<Secret> s = store.get(name);
                        String shown = name.endsWith(".api-key") ? s.map(Secret::masked).orElse("") : "****";
                        s.ifPresent(Secret::wipe);
                        out.println(name + "  " + shown);
                    }
                }
                default -> {
                    boolean k = store.remove(ApiCredentials.keyName(args[1]));
                    boolean s = store.remove(ApiCredentials.secretName(args[1]));
                    out.println(k || s ? "removed the " + args[1] + " credentials" : "no " + args[1] + " credentials stored");
                }
            }
            return 0;
        } catch (SecretStoreException | IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 1;
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    private static char[] passphrase(Map<String, String> env, Console console, BufferedReader in) {
        String p = env.get(PASSPHRASE_VARIABLE);
        if (p != null && !p.isEmpty()) {
            return p.toCharArray();
        }
        return ask(console, in, "secret store passphrase: ");
    }

    private static char[] ask(Console console, BufferedReader in, String prompt) {
        if (console != null) {
            char[] c = console.readPassword("%s", prompt);
            return c == null ? new char[0] : c;
        }
        try {
            String line = in.readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new SecretStoreException("cannot read " + prompt.trim(), e);
        }
    }

    private static char[] trim(char[] c) {
        int a = 0;
        int b = c.length;
        while (a < b && Character.isWhitespace(c[a])) {
            a++;
        }
        while (b > a && Character.isWhitespace(c[b - 1])) {
            b--;
        }
        return Arrays.copyOfRange(c, a, b);
    }
}
