package org.concord.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** AtlantaFX Primer dark/light as the user-agent stylesheet, plus Concord's few rules on top. */
public final class Themes {
    public static final String APP_CSS = Themes.class.getResource("/org/concord/app/concord.css").toExternalForm();

    private Themes() {
    }

    /** Applies {@code name} ("dark" or "light") to every window (FX thread). */
    public static void apply(String name) {
        Application.setUserAgentStylesheet("light".equals(name) ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }
}
