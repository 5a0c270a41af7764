package org.harmony.dsar.request;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The laws a request can be made under, with the time zone their days are counted in. */
public enum Jurisdiction {
    EU("EU", "GDPR", "Europe/Brussels"),
    UK("UK", "UK GDPR", "Europe/London"),
    US_CA("US-CA", "CCPA/CPRA", "America/Los_Angeles"),
    US_VA("US-VA", "VCDPA", "America/New_York"),
    US_CO("US-CO", "Colorado Privacy Act", "America/Denver"),
    BR("BR", "LGPD", "America/Sao_Paulo"),
    IN("IN", "DPDP Act 2023", "Asia/Kolkata");

    private final String code;
    private final String law;
    private final ZoneId zone;

    Jurisdiction(String code, String law, String zone) {
        this.code = code;
        this.law = law;
        this.zone = ZoneId.of(zone);
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String law() {
        return law;
    }

    public ZoneId zone() {
        return zone;
    }

    public static Optional<Jurisdiction> fromCode(String code) {
        return Arrays.stream(values()).filter(j -> j.code.equals(code)).findFirst();
    }

    public static Jurisdiction ofCode(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown jurisdiction " + code));
    }
}
