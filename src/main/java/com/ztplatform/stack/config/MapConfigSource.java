package com.ztplatform.stack.config;

import com.pulumi.core.Output;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Configuration from a map of full keys ({@code project:key}) to raw values, as the stack file holds them. */
public final class MapConfigSource implements ConfigSource {
    private final Map<String, String> values;
    private final Set<String> secretKeys;

    public MapConfigSource(Map<String, String> values, Set<String> secretKeys) {
        this.values = Map.copyOf(values);
        this.secretKeys = Set.copyOf(secretKeys);
    }

    @Override
    public Optional<String> get(String namespace, String key) {
        return Optional.ofNullable(values.get(namespace + ":" + key));
    }

    @Override
    public Optional<Output<String>> secret(String namespace, String key) {
        return get(namespace, key).map(Output::ofSecret);
    }

    public boolean isSecret(String namespace, String key) {
        return secretKeys.contains(namespace + ":" + key);
    }
}
