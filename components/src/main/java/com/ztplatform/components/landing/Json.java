package com.ztplatform.components.landing;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Deterministic JSON for job parameters and cluster policies. These strings are resource inputs, so any change in
 * their bytes is a diff on the next preview: ordered maps keep their insertion order, every other map (Map.of's
 * iteration order is salted per JVM) is written with its keys sorted.
 */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(canonical(value));
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>
                    ? new LinkedHashMap<>() : new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), canonical(v)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            var out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(canonical(item)));
            return out;
        }
        return value;
    }
}
