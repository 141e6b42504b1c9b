package com.ztplatform.stack.config;

import com.pulumi.core.Output;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Configuration from a map of full keys ({@code project:key}) to raw values, as the stack file holds them. */
public final class MapConfigSource implements ConfigSource {
    private final Map<String, String> values;
    private final Set<String> secretKeys;

    /**
     * Values of a stack file.
     *
     * @param values     full key to raw value
     * @param secretKeys the full keys the file stores encrypted
     */
    public MapConfigSource(Map<String, String> values, Set<String> secretKeys) {
        this.values = Map.copyOf(values);
        this.secretKeys = Set.copyOf(secretKeys);
    }

    /**
     * Values of which none is stored encrypted.
     *
     * @param values full key to raw value
     */
    public MapConfigSource(Map<String, String> values) {
        this(values, Set.of());
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

    @Override
    public Set<String> keys(String namespace) {
        var keys = new TreeSet<String>();
        values.keySet().stream().filter(k -> k.startsWith(namespace + ":"))
                .forEach(k -> keys.add(k.substring(namespace.length() + 1)));
        return keys;
    }

    @Override
    public boolean isSecret(String namespace, String key) {
        return secretKeys.contains(namespace + ":" + key);
    }
}
