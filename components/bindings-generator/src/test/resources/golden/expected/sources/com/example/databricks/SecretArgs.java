package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link Secret} ({@code databricks:index/secret:Secret}).
 *
 * <ul>
 *   <li>{@code scope}: string; required; replaces the resource when it changes</li>
 *   <li>{@code key}: string; required; replaces the resource when it changes</li>
 *   <li>{@code stringValue}: string; required; secret; replaces the resource when it changes</li>
 * </ul>
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
public final class SecretArgs extends ResourceArgs {
    @Import(
            name = "scope",
            required = true
    )
    private final Output<String> scope;

    @Import(
            name = "key",
            required = true
    )
    private final Output<String> key;

    @Import(
            name = "stringValue",
            required = true
    )
    private final Output<String> stringValue;

    private SecretArgs(Builder builder) {
        this.scope = Bindings.required(builder.scope, "SecretArgs.scope");
        this.key = Bindings.required(builder.key, "SecretArgs.key");
        this.stringValue = Bindings.required(builder.stringValue, "SecretArgs.stringValue");
    }

    /**
     * (String) name of databricks secret scope.
     *
     * @return the {@code scope} input
     */
    public Output<String> scope() {
        return this.scope;
    }

    /**
     * (String) key within secret scope.
     *
     * @return the {@code key} input
     */
    public Output<String> key() {
        return this.key;
    }

    /**
     * (String) super secret sensitive value.
     *
     * @return the {@code stringValue} input
     */
    public Output<String> stringValue() {
        return this.stringValue;
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link SecretArgs}.
     */
    public static final class Builder {
        @Nullable
        private Output<String> scope;

        @Nullable
        private Output<String> key;

        @Nullable
        private Output<String> stringValue;

        private Builder() {
        }

        /**
         * (String) name of databricks secret scope.
         *
         * @param scope the {@code scope} input
         * @return this builder
         */
        public Builder scope(@Nullable Output<String> scope) {
            this.scope = scope;
            return this;
        }

        /**
         * (String) name of databricks secret scope.
         *
         * @param scope the {@code scope} input
         * @return this builder
         */
        public Builder scope(String scope) {
            return scope(Output.of(scope));
        }

        /**
         * (String) key within secret scope.
         *
         * @param key the {@code key} input
         * @return this builder
         */
        public Builder key(@Nullable Output<String> key) {
            this.key = key;
            return this;
        }

        /**
         * (String) key within secret scope.
         *
         * @param key the {@code key} input
         * @return this builder
         */
        public Builder key(String key) {
            return key(Output.of(key));
        }

        /**
         * (String) super secret sensitive value.
         *
         * @param stringValue the {@code stringValue} input, always sent as a secret
         * @return this builder
         */
        public Builder stringValue(@Nullable Output<String> stringValue) {
            this.stringValue = stringValue == null ? null : stringValue.asSecret();
            return this;
        }

        /**
         * (String) super secret sensitive value.
         *
         * @param stringValue the {@code stringValue} input, always sent as a secret
         * @return this builder
         */
        public Builder stringValue(String stringValue) {
            return stringValue(Output.of(stringValue));
        }

        /**
         * @return the inputs
         * @throws IllegalArgumentException when a required input is missing
         */
        public SecretArgs build() {
            return new SecretArgs(this);
        }
    }
}
