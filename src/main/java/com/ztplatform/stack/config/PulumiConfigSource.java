package com.ztplatform.stack.config;

import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Stack configuration as Pulumi passes it to the running program. */
public final class PulumiConfigSource implements ConfigSource {
    private final Context ctx;

    /** @param ctx the running program's context, whose {@code config} this reads */
    public PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Optional<String> get(String namespace, String key) {
        return ctx.config(namespace).get(key);
    }

    @Override
    public Optional<Output<String>> secret(String namespace, String key) {
        if (ctx.config(namespace).get(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ctx.config(namespace).requireSecret(key));
    }

    /**
     * The Java SDK has no public way to list config keys; the language host hands the whole config to the program
     * as JSON in PULUMI_CONFIG (the SDK parses the same variable), so the keys are read from there.
     */
    @Override
    public Set<String> keys(String namespace) {
        var keys = new TreeSet<String>();
        var all = System.getenv("PULUMI_CONFIG");
        if (all == null || all.isBlank()) {
            return keys;
        }
        try {
            for (var fullKey : JsonParser.parseString(all).getAsJsonObject().keySet()) {
                if (fullKey.startsWith(namespace + ":")) {
                    keys.add(fullKey.substring(namespace.length() + 1));
                }
            }
        } catch (RuntimeException e) {
            // Not JSON: the SDK would fail on it first; nothing to list here.
        }
        return keys;
    }

    /** Whether the CLI marked the key secret (the SDK's own record; the public Config API does not expose it). */
    @Override
    public boolean isSecret(String namespace, String key) {
        return DeploymentInternal.getInstance().isConfigSecret(namespace + ":" + key);
    }
}
