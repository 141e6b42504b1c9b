package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link SecretAcl} ({@code databricks:index/secretAcl:SecretAcl}).
 *
 * <ul>
 *   <li>{@code scope}: string; required; replaces the resource when it changes</li>
 *   <li>{@code principal}: string; required; replaces the resource when it changes</li>
 *   <li>{@code permission}: string; required; replaces the resource when it changes; one of {@code READ}, {@code WRITE}, {@code MANAGE}</li>
 * </ul>
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
public final class SecretAclArgs extends ResourceArgs {
    @Import(
            name = "scope",
            required = true
    )
    private final Output<String> scope;

    @Import(
            name = "principal",
            required = true
    )
    private final Output<String> principal;

    @Import(
            name = "permission",
            required = true
    )
    private final Output<String> permission;

    private SecretAclArgs(Builder builder) {
        this.scope = Bindings.required(builder.scope, "SecretAclArgs.scope");
        this.principal = Bindings.required(builder.principal, "SecretAclArgs.principal");
        this.permission = Bindings.required(builder.permission, "SecretAclArgs.permission");
    }

    /**
     * name of the scope.
     *
     * @return the {@code scope} input
     */
    public Output<String> scope() {
        return this.scope;
    }

    /**
     * principal's identifier.
     *
     * @return the {@code principal} input
     */
    public Output<String> principal() {
        return this.principal;
    }

    /**
     * <code>READ</code>, <code>WRITE</code> or <code>MANAGE</code>.
     *
     * @return the {@code permission} input
     */
    public Output<String> permission() {
        return this.permission;
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link SecretAclArgs}.
     */
    public static final class Builder {
        @Nullable
        private Output<String> scope;

        @Nullable
        private Output<String> principal;

        @Nullable
        private Output<String> permission;

        private Builder() {
        }

        /**
         * name of the scope.
         *
         * @param scope the {@code scope} input
         * @return this builder
         */
        public Builder scope(@Nullable Output<String> scope) {
            this.scope = scope;
            return this;
        }

        /**
         * name of the scope.
         *
         * @param scope the {@code scope} input
         * @return this builder
         */
        public Builder scope(String scope) {
            return scope(Output.of(scope));
        }

        /**
         * principal's identifier.
         *
         * @param principal the {@code principal} input
         * @return this builder
         */
        public Builder principal(@Nullable Output<String> principal) {
            this.principal = principal;
            return this;
        }

        /**
         * principal's identifier.
         *
         * @param principal the {@code principal} input
         * @return this builder
         */
        public Builder principal(String principal) {
            return principal(Output.of(principal));
        }

        /**
         * <code>READ</code>, <code>WRITE</code> or <code>MANAGE</code>.
         *
         * @param permission the {@code permission} input
         * @return this builder
         * @throws IllegalArgumentException when the value is not one of {@code READ}, {@code WRITE}, {@code MANAGE}
         */
        public Builder permission(String permission) {
            this.permission = Output.of(Bindings.oneOf(permission, "SecretAclArgs.permission", "READ", "WRITE", "MANAGE"));
            return this;
        }

        /**
         * @return the inputs
         * @throws IllegalArgumentException when a required input is missing
         */
        public SecretAclArgs build() {
            return new SecretAclArgs(this);
        }
    }
}
