package org.harmony.dsar.verification;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The identity data points of a request, as stored in {@code dsar_request.data_points} (a JSON object). */
final class DataPoints {

    private DataPoints() {
    }

    static Map<String, String> read(ObjectMapper json, String dataPointsJson) {
        if (dataPointsJson == null || dataPointsJson.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(dataPointsJson, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored data points are not valid JSON", e);
        }
    }

    static String write(ObjectMapper json, Map<String, String> dataPoints) {
        try {
            return json.writeValueAsString(dataPoints);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Data points could not be written as JSON", e);
        }
    }
}
