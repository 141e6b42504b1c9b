package com.ztplatform.stack.config;

import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.Optional;

/** Stack configuration as Pulumi passes it to the running program. */
public final class PulumiConfigSource implements ConfigSource {
    private final Context ctx;

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
}
