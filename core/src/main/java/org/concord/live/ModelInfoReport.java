package org.concord.live;

import java.util.List;

/** Every model the desk knows, in registry order (published on {@link LiveTopics#MODELS}). */
public record ModelInfoReport(List<ModelInfo> models) {
    public ModelInfoReport {
        models = models == null ? List.of() : List.copyOf(models);
    }
}
