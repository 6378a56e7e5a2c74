package org.concord.app.feed;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.concord.app.shell.Presenters;
import org.concord.feed.FeedState;
import org.concord.model.Symbol;

import java.util.Locale;

/**
 * Feed controls: source (bundled replay or Binance live with a symbol picker), play/pause, speed 1×…max and a
 * seek slider for the replay. Every action runs on the presenter thread (feeds start and stop there).
 */
public final class FeedBar {
    private final HBox root = new HBox();
    private final Button play = new Button("Pause");
    private final ChoiceBox<Double> speed = new ChoiceBox<>();
    private final Slider seek = new Slider(0, 1, 0);
    private final ChoiceBox<String> source = new ChoiceBox<>(FXCollections.observableArrayList("Replay (bundled)", "Binance live"));
    private final ComboBox<String> liveSymbol = new ComboBox<>(FXCollections.observableArrayList("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT"));
    private final FeedController feed;
    private final Presenters presenters;
    private final SeekBack seekBack;
    private long dataTime = Long.MIN_VALUE; // the replay's tape and time, as last shown
    private long firstTime;
    private long lastTime;
    private boolean paused;
    /** True while {@link #show} moves the seek thumb to the replay's time: that move is no one's seek. */
    private boolean following;

    /** @param seekBack what a seek back does to the paper accounts (asks first) */
    public FeedBar(FeedController feed, Presenters presenters, boolean remote, SeekBack seekBack) {
        this.feed = feed;
        this.presenters = presenters;
        this.seekBack = seekBack;
        root.getStyleClass().add("feed-bar");
        play.setId("play-pause");
        speed.setId("replay-speed");
        seek.setId("replay-seek");
        source.setId("feed-source");
        liveSymbol.setId("live-symbol");
        for (double s : FeedController.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : d.isInfinite() ? "max" : String.format(Locale.ROOT, "%.0f×", d);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setValue(600.0);
        speed.setOnAction(e -> {
            Double v = speed.getValue();
            if (v != null) {
                presenters.run(() -> feed.setSpeed(v));
            }
        });
        play.setOnAction(e -> togglePlay());
        // as wide as its wider text: "Pause" turning "Play" moved the speed and seek controls under the mouse
        play.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text t = new Text();
            t.setFont(play.getFont());
            double w = 0;
            for (String s : new String[] {"Play", "Pause"}) {
                t.setText(s);
                w = Math.max(w, t.getLayoutBounds().getWidth());
            }
            return Math.ceil(w + play.getInsets().getLeft() + play.getInsets().getRight() + play.getLabelPadding().getLeft()
                    + play.getLabelPadding().getRight());
        }, play.fontProperty(), play.insetsProperty(), play.labelPaddingProperty()));
        seek.setPrefWidth(260);
        seek.setTooltip(new Tooltip("seek in the replay tape"));
        // a drag seeks once, at its release; a click on the track (or a key) sets the value without a drag, and
        // seeks at once (it did nothing before: the next status put the thumb back)
        seek.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                seekTo(seek.getValue());
            }
        });
        seek.valueProperty().addListener((o, was, now) -> {
            if (!following && !seek.isValueChanging()) {
                seekTo(now.doubleValue());
            }
        });
        source.setValue("Replay (bundled)");
        liveSymbol.setValue("BTCUSDT");
        liveSymbol.setEditable(true);
        liveSymbol.setVisible(false);
        liveSymbol.managedProperty().bind(liveSymbol.visibleProperty());
        source.setOnAction(e -> {
            boolean live = source.getValue().startsWith("Binance");
            liveSymbol.setVisible(live);
            if (live) {
                goLive();
            } else {
                presenters.run(() -> feed.startReplay((Double) speed.getValue(), 0));
            }
        });
        liveSymbol.setOnAction(e -> goLive());
        HBox.setHgrow(seek, Priority.SOMETIMES);
        root.getChildren().addAll(new Label("Feed"), source, liveSymbol, play, new Label("Speed"), speed, new Label("Seek"), seek,
                new Separator(Orientation.VERTICAL));
        if (remote) {
            root.getChildren().forEach(n -> n.setDisable(true));
            Tooltip.install(root, new Tooltip("remote mode: the server owns the feed"));
        }
    }

    private void seekTo(double fraction) {
        long target = firstTime + (long) (Math.max(0, Math.min(1, fraction)) * (lastTime - firstTime));
        if (!seekBack.needsRestart(dataTime, target)) {
            presenters.run(() -> feed.seekFraction(fraction));
        } else if (seekBack.confirm(root.getScene() == null ? null : root.getScene().getWindow())) {
            presenters.run(() -> {
                // every bundled instrument goes back to the seek's instant: the session restarts for all of them
                if (seekBack.restart(feed.seekPoints(fraction))) {
                    feed.seekFraction(fraction);
                }
            });
        } // else: the next status puts the thumb back where the replay is
    }

    private void goLive() {
        String s = liveSymbol.getValue();
        if (s != null && !s.isBlank()) {
            Symbol sym = Symbol.of(s.trim().toUpperCase(Locale.ROOT));
            presenters.run(() -> feed.startBinance(sym, null));
        }
    }

    /** Play / pause (the Space shortcut). */
    public void togglePlay() {
        paused = !paused;
        boolean p = paused;
        presenters.run(() -> {
            if (p) {
                feed.pause();
            } else {
                feed.play();
            }
        });
    }

    /** One step faster (+1) or slower (−1) through {@link FeedController#SPEEDS}. */
    public void stepSpeed(int dir) {
        int i = speed.getItems().indexOf(speed.getValue());
        int j = Math.max(0, Math.min(speed.getItems().size() - 1, i + dir));
        speed.setValue(speed.getItems().get(j));
        double v = speed.getValue();
        presenters.run(() -> feed.setSpeed(v));
    }

    public Node node() {
        return root;
    }

    /** Mirrors the feed's state in the controls (FX thread). */
    public void show(FeedStatus s) {
        paused = s.state() == FeedState.PAUSED;
        play.setText(paused ? "Play" : "Pause");
        play.setDisable(!s.replay());
        speed.setDisable(!s.replay());
        seek.setDisable(!s.replay());
        if (s.replay() && !speed.isShowing() && speed.getItems().contains(s.speed()) && !Double.valueOf(s.speed()).equals(speed.getValue())) {
            speed.setValue(s.speed()); // fires setSpeed with the same value: harmless
        }
        dataTime = s.replay() ? s.dataTime() : Long.MIN_VALUE;
        firstTime = s.firstTime();
        lastTime = s.lastTime();
        if (s.replay() && !seek.isValueChanging() && s.lastTime() > s.firstTime() && s.dataTime() != Long.MIN_VALUE) {
            following = true;
            seek.setValue((double) (s.dataTime() - s.firstTime()) / (s.lastTime() - s.firstTime()));
            following = false;
        }
    }
}
