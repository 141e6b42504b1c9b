package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link Secret} ({@code databricks:index/secret:Secret}).
 *
 * <ul>
 *   <li>{@code scope}: name of a Databricks-backed secret scope (required)</li>
 *   <li>{@code key}: secret key within the scope (required)</li>
 *   <li>{@code stringValue}: the secret value; always sent as a secret and kept secret in state (required)
 *       (secret)</li>
 * </ul>
 */
public final class SecretArgs extends ResourceArgs {
    @Import(name = "scope", required = true)
    private final Output<String> scope;

    @Import(name = "key", required = true)
    private final Output<String> key;

    @Import(name = "stringValue", required = true)
    private final Output<String> stringValue;

    private SecretArgs(Builder builder) {
        this.scope = Bindings.required(builder.scope, "SecretArgs.scope");
        this.key = Bindings.required(builder.key, "SecretArgs.key");
        this.stringValue = Bindings.required(builder.stringValue, "SecretArgs.stringValue");
    }

    public Output<String> scope() {
        return this.scope;
    }

    public Output<String> key() {
        return this.key;
    }

    public Output<String> stringValue() {
        return this.stringValue;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> scope;
        private @Nullable Output<String> key;
        private @Nullable Output<String> stringValue;

        private Builder() {
        }

        public Builder scope(@Nullable Output<String> scope) {
            this.scope = scope;
            return this;
        }

        public Builder scope(String scope) {
            return scope(Output.of(scope));
        }

        public Builder key(@Nullable Output<String> key) {
            this.key = key;
            return this;
        }

        public Builder key(String key) {
            return key(Output.of(key));
        }

        /** Marks the value secret, whatever the caller passes. */
        public Builder stringValue(@Nullable Output<String> stringValue) {
            this.stringValue = stringValue == null ? null : stringValue.asSecret();
            return this;
        }

        public Builder stringValue(String stringValue) {
            return stringValue(Output.of(stringValue));
        }

        public SecretArgs build() {
            return new SecretArgs(this);
        }
    }
}
