package org.concord.app.trading;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.binance.BinanceSpotBroker;
import org.concord.instrument.InstrumentRegistry;
import org.concord.execution.binance.BinanceSpotConfig;
import org.concord.model.Symbol;
import org.concord.secrets.ApiCredentials;
import org.concord.secrets.Secret;
import org.concord.secrets.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Switching the desk to a venue: the environment (testnet, live, or a custom base URL), the API keys — from the
 * environment variables or the secret store (unlocked with its passphrase), or typed once and optionally stored —
 * shown only masked, and an explicit confirmation. Without keys, or without the confirmation, nothing changes: the
 * desk stays on PAPER. Keys and the connection are handled off the FX thread.
 */
public final class LiveModeDialog {
    private static final Logger LOG = LoggerFactory.getLogger(LiveModeDialog.class);
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ChoiceBox<String> env = new ChoiceBox<>(FXCollections.observableArrayList("testnet", "live", "custom"));
    private final TextField rest = new TextField();
    private final TextField ws = new TextField();
    private final TextField symbols = new TextField();
    private final TextField quote = new TextField("USDT");
    private final PasswordField passphrase = new PasswordField();
    private final PasswordField apiKey = new PasswordField();
    private final PasswordField apiSecret = new PasswordField();
    private final CheckBox saveKeys = new CheckBox("Save typed keys in the secret store");
    private final Label keyShown = new Label("no keys loaded");
    private final CheckBox confirm = new CheckBox();
    private final Button connect = new Button("Connect and trade LIVE");
    private final Label message = new Label();
    private final Presenters presenters;
    private final TradingService service;
    private final PreTradeCheck risk;
    private final EventBus bus;
    private final Path dataDir;
    private final InstrumentRegistry instruments;
    private final Map<String, String> environment;
    private ApiCredentials loaded; // FX thread

    public LiveModeDialog(Window owner, Presenters presenters, TradingService service, PreTradeCheck risk, EventBus bus, Path dataDir,
                          InstrumentRegistry instruments, Map<String, String> environment, Symbol defaultSymbol) {
        if (presenters == null || service == null || risk == null || bus == null || dataDir == null || instruments == null || environment == null) {
            throw new IllegalArgumentException("presenters, service, risk gate, bus, data directory, instruments and environment are required");
        }
        this.presenters = presenters;
        this.service = service;
        this.risk = risk;
        this.bus = bus;
        this.dataDir = dataDir;
        this.instruments = instruments;
        this.environment = environment;
        dialog.setTitle("Switch to LIVE trading");
        dialog.setHeaderText("Orders will go to the exchange. Paper positions do not move over.");
        dialog.getDialogPane().setId("live-dialog");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        env.setId("live-env");
        rest.setId("live-rest");
        ws.setId("live-ws");
        symbols.setId("live-symbols");
        quote.setId("live-quote");
        passphrase.setId("live-passphrase");
        apiKey.setId("live-api-key");
        apiSecret.setId("live-api-secret");
        saveKeys.setId("live-save-keys");
        keyShown.setId("live-key-masked");
        confirm.setId("live-confirm");
        connect.setId("live-connect");
        message.setId("live-message");
        message.setWrapText(true);
        message.setMaxWidth(460);
        symbols.setText(defaultSymbol == null ? "BTCUSDT" : defaultSymbol.code());
        env.valueProperty().addListener((o, a, b) -> preset(b));
        env.setValue("testnet");
        connect.disableProperty().bind(confirm.selectedProperty().not());
        connect.setOnAction(e -> connect());
        Button load = new Button("Load keys");
        load.setId("live-load-keys");
        load.setOnAction(e -> loadKeys());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("Environment"), env);
        g.addRow(r++, new Label("REST base URL"), rest);
        g.addRow(r++, new Label("WebSocket URL"), ws);
        g.addRow(r++, new Label("Symbols"), symbols);
        g.addRow(r++, new Label("Quote asset"), quote);
        g.addRow(r++, new Label("Secret store passphrase"), passphrase);
        g.addRow(r++, load, keyShown);
        g.addRow(r++, new Label("or API key"), apiKey);
        g.addRow(r++, new Label("API secret"), apiSecret);
        g.add(saveKeys, 1, r++);
        rest.setPrefColumnCount(28);
        VBox box = new VBox(10, g, confirm, connect, message);
        box.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setOnHidden(e -> {
            clearTyped();
            if (loaded != null && service.mode().equals(TradingMode.PAPER)) {
                loaded.close(); // not used: wipe
            }
        });
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    public void show() {
        dialog.show();
    }

    private void preset(String e) {
        boolean custom = "custom".equals(e);
        if (!custom) {
            boolean real = "live".equals(e);
            rest.setText((real ? BinanceSpotConfig.LIVE_REST : BinanceSpotConfig.TESTNET_REST).toString());
            ws.setText((real ? BinanceSpotConfig.LIVE_WS : BinanceSpotConfig.TESTNET_WS).toString());
        }
        rest.setEditable(custom);
        ws.setEditable(custom);
        String venue = venue();
        confirm.setText("live".equals(e) ? "I understand: orders go to Binance with REAL MONEY (" + venue + ")"
                : "I understand: orders go to " + venue + " at " + rest.getText());
        confirm.setSelected(false);
    }

    private String venue() {
        return switch (env.getValue() == null ? "testnet" : env.getValue()) {
            case "live" -> "binance";
            case "custom" -> "binance-custom";
            default -> "binance-testnet";
        };
    }

    /** Environment first, then the secret store (if a passphrase was given); only the masked key is shown. */
    private void loadKeys() {
        String venue = venue();
        char[] pass = passphrase.getText().isEmpty() ? null : passphrase.getText().toCharArray();
        passphrase.clear();
        message.setText("loading keys for " + venue + " …");
        presenters.run(() -> {
            ApiCredentials c = null;
            String why = null;
            try {
                SecretStore store = pass == null ? null : SecretStore.open(dataDir, pass);
                c = ApiCredentials.resolve(environment, store, venue);
            } catch (RuntimeException e) {
                why = e.getMessage();
            } finally {
                if (pass != null) {
                    Arrays.fill(pass, '\0');
                }
            }
            ApiCredentials got = c;
            String err = why;
            Platform.runLater(() -> {
                if (got != null) {
                    setLoaded(got);
                    message.setText("keys loaded for " + venue);
                } else {
                    message.setText(err);
                }
            });
        });
    }

    private void setLoaded(ApiCredentials c) {
        if (loaded != null && loaded != c) {
            loaded.close();
        }
        loaded = c;
        keyShown.setText("API key " + c.apiKey().masked() + " · secret ****");
    }

    private void clearTyped() {
        apiKey.clear();
        apiSecret.clear();
        passphrase.clear();
    }

    private void connect() {
        if (!confirm.isSelected()) {
            message.setText("tick the confirmation first: still PAPER");
            return;
        }
        String venue = venue();
        if (loaded == null && !apiKey.getText().isBlank() && !apiSecret.getText().isBlank()) {
            setLoaded(new ApiCredentials(Secret.of(apiKey.getText().trim()), Secret.of(apiSecret.getText().trim())));
        }
        char[] pass = passphrase.getText().isEmpty() ? null : passphrase.getText().toCharArray();
        boolean save = saveKeys.isSelected();
        clearTyped();
        if (loaded == null) {
            message.setText("no API keys for " + venue + ": set " + ApiCredentials.keyVariable(venue) + " / " + ApiCredentials.secretVariable(venue)
                    + ", load them from the secret store, or type them. Still PAPER.");
            return;
        }
        BinanceSpotConfig cfg;
        try {
            BinanceSpotConfig.Builder b = switch (env.getValue()) {
                case "live" -> BinanceSpotConfig.live();
                case "custom" -> BinanceSpotConfig.custom(venue, URI.create(rest.getText().trim()), URI.create(ws.getText().trim()));
                default -> BinanceSpotConfig.testnet();
            };
            for (String s : symbols.getText().split(",")) {
                if (!s.isBlank()) {
                    b.symbol(Symbol.of(s.trim().toUpperCase(Locale.ROOT)));
                }
            }
            cfg = b.quoteAsset(quote.getText().trim()).instruments(instruments).build();
        } catch (RuntimeException e) {
            message.setText("configuration refused: " + e.getMessage() + " — still PAPER");
            return;
        }
        ApiCredentials keys = loaded;
        TradingMode mode = new TradingMode(switch (cfg.environment()) {
            case LIVE -> TradingMode.Kind.LIVE;
            case TESTNET -> TradingMode.Kind.TESTNET;
            default -> TradingMode.Kind.CUSTOM;
        }, cfg.venue(), cfg.restUrl().toString());
        message.setText("connecting to " + cfg.restUrl() + " …");
        connect.disableProperty().unbind();
        connect.setDisable(true);
        presenters.run(() -> {
            String failure = null;
            try {
                if (save && pass != null) {
                    keys.saveTo(SecretStore.open(dataDir, pass), venue);
                }
                BinanceSpotBroker spot = BinanceSpotBroker.connect(cfg, keys, dataDir, risk, bus);
                service.switchTo(spot, mode);
            } catch (RuntimeException e) {
                failure = e.getMessage();
                LOG.warn("going live on {} failed: {}", cfg.venue(), e.toString());
            } finally {
                if (pass != null) {
                    Arrays.fill(pass, '\0');
                }
            }
            String f = failure;
            Platform.runLater(() -> {
                connect.disableProperty().bind(confirm.selectedProperty().not());
                if (f == null) {
                    message.setText("now trading " + mode.badge());
                    dialog.close();
                } else {
                    message.setText("could not connect: " + f + " — still PAPER");
                }
            });
        });
    }
}
