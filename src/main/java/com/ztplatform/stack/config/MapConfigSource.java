package com.ztplatform.stack.config;

import com.pulumi.core.Output;

import java.util.Map;
import java.util.Optional;

/** Configuration from a map of full keys ({@code project:key}) to raw values, as the stack file holds them. */
public final class MapConfigSource implements ConfigSource {
    private final Map<String, String> values;

    public MapConfigSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public Optional<String> get(String namespace, String key) {
        return Optional.ofNullable(values.get(namespace + ":" + key));
    }

    /** Every value read as a secret is wrapped as one, whether or not the stack file encrypted it. */
    @Override
    public Optional<Output<String>> secret(String namespace, String key) {
        return get(namespace, key).map(Output::ofSecret);
    }
}
