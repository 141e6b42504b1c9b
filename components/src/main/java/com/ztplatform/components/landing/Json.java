package com.ztplatform.components.landing;

import com.google.gson.GsonBuilder;

/** Deterministic JSON for job parameters and cluster policies (keys in insertion order). */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(value);
    }
}
