package org.concord.orchestrator.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a module class so the catalog can list it without instantiating it (lazy loading), and declares its
 * settings. A provider without this annotation is instantiated once to ask its {@link OrchestratorModule#id()} and
 * takes no settings.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModuleInfo {
    String id();

    String description() default "";

    /**
     * Every key the module reads from its {@code settings} mapping (top level). A configuration that gives any other
     * key is refused when it is loaded, naming the file, the line and the key: a typo such as {@code lagg} must not
     * run silently on the default.
     */
    String[] settings() default {};

    /**
     * How long a position taken on this module's view is meant to be held, as an ISO-8601 duration ({@code "PT1H"},
     * {@code "PT4H"}, {@code "P2D"}); empty: the horizon of each prediction ({@code horizonBars × timeframe}). The
     * coordination layer trades every source's view on its own, in the bucket whose expected holding is nearest
     * (scalping ≈ 1 h, short ≈ 4 h, medium ≈ 2.5 d, long ≈ 15 d; docs/coordination.md). Read through
     * {@link OrchestratorModule#holding()}.
     */
    String holding() default "";
}
