package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Set;

/**
 * Inputs of {@link SecretAcl} ({@code databricks:index/secretAcl:SecretAcl}). Every input replaces the ACL when
 * it changes.
 *
 * <ul>
 *   <li>{@code scope}: the secret scope's name (required)</li>
 *   <li>{@code principal}: a user name, group name, or a service principal's application id (required)</li>
 *   <li>{@code permission}: {@code READ}, {@code WRITE} or {@code MANAGE} (required)</li>
 * </ul>
 */
public final class SecretAclArgs extends ResourceArgs {
    public static final Set<String> PERMISSIONS = Set.of("READ", "WRITE", "MANAGE");

    @Import(name = "scope", required = true)
    private final Output<String> scope;

    @Import(name = "principal", required = true)
    private final Output<String> principal;

    @Import(name = "permission", required = true)
    private final Output<String> permission;

    private SecretAclArgs(Builder builder) {
        this.scope = Bindings.required(builder.scope, "SecretAclArgs.scope");
        this.principal = Bindings.required(builder.principal, "SecretAclArgs.principal");
        this.permission = Bindings.required(builder.permission, "SecretAclArgs.permission");
    }

    public Output<String> scope() {
        return this.scope;
    }

    public Output<String> principal() {
        return this.principal;
    }

    public Output<String> permission() {
        return this.permission;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> scope;
        private @Nullable Output<String> principal;
        private @Nullable Output<String> permission;

        private Builder() {
        }

        public Builder scope(@Nullable Output<String> scope) {
            this.scope = scope;
            return this;
        }

        public Builder scope(String scope) {
            return scope(Output.of(scope));
        }

        public Builder principal(@Nullable Output<String> principal) {
            this.principal = principal;
            return this;
        }

        public Builder principal(String principal) {
            return principal(Output.of(principal));
        }

        /** READ, WRITE or MANAGE. */
        public Builder permission(String permission) {
            if (!PERMISSIONS.contains(permission)) {
                throw new IllegalArgumentException("SecretAclArgs.permission must be READ, WRITE or MANAGE, like READ, got '"
                        + permission + "'");
            }
            this.permission = Output.of(permission);
            return this;
        }

        public SecretAclArgs build() {
            return new SecretAclArgs(this);
        }
    }
}
