package org.concord.orchestrator.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a module class so the catalog can list it without instantiating it (lazy loading). A provider without
 * this annotation is instantiated once to ask its {@link OrchestratorModule#id()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModuleInfo {
    String id();

    String description() default "";
}
