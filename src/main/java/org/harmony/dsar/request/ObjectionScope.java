package org.harmony.dsar.request;

/**
 * What an objection (GDPR Art 21) is to: direct marketing, where it is absolute (Art 21(2)-(3)), or other processing
 * based on legitimate interests or a public task, where the company weighs its grounds (Art 21(1)).
 */
public enum ObjectionScope {
    DIRECT_MARKETING,
    OTHER_PROCESSING
}
