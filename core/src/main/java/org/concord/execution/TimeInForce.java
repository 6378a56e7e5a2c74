package org.concord.execution;

/**
 * GTC works until filled or canceled; IOC takes what the first matching opportunity offers and the rest expires;
 * GTD works until its expire time, then expires.
 */
public enum TimeInForce {
    GTC, IOC, GTD
}
