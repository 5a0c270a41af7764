package org.harmony.dsar.lookup;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The values a source's query can use to find the subject: {@code email}, every data point the requester gave
 * (for example {@code phone}, {@code customerNumber}) and the keys another source provided. A name the request
 * does not give is null, so a query may say {@code OR caller_phone = :phone} whether or not a phone was given.
 */
public final class SubjectParameters extends MapSqlParameterSource {

    private SubjectParameters(Map<String, ?> values) {
        super(values);
    }

    public static SubjectParameters of(String email, Map<String, String> dataPoints) {
        Map<String, Object> values = new HashMap<>(dataPoints);
        values.put("email", email);
        return new SubjectParameters(values);
    }

    public SubjectParameters with(String name, Collection<?> values) {
        Map<String, Object> copy = new HashMap<>(getValues());
        copy.put(name, values);
        return new SubjectParameters(copy);
    }

    /** A copy that further values (a retention cutoff, a corrected value) can be added to. */
    public SubjectParameters copy() {
        return new SubjectParameters(new HashMap<>(getValues()));
    }

    public Map<String, Object> asMap() {
        return getValues();
    }

    @Override
    public boolean hasValue(String paramName) {
        return true;
    }

    @Override
    public Object getValue(String paramName) {
        return getValues().get(paramName);
    }
}
