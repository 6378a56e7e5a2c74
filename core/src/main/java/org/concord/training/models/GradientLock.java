package org.concord.training.models;

/**
 * DJL's PyTorch engine allows one gradient collector per process (a static flag: a second one throws "A
 * PtGradientCollector is already collecting"). Every model that trains in this process takes this lock around its
 * collector and step, so a CNN job and neural fusion training at once take turns batch by batch instead of failing.
 */
public final class GradientLock {
    /** Held around {@code newGradientCollector()} … {@code step()}. */
    public static final Object LOCK = new Object();

    private GradientLock() {
    }
}
