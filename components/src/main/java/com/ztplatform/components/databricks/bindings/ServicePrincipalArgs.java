package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Inputs of {@link ServicePrincipal} ({@code databricks:index/servicePrincipal:ServicePrincipal}).
 *
 * <ul>
 *   <li>{@code applicationId}: client id of the Entra ID application (Entra-managed service principal)</li>
 *   <li>{@code displayName}: {@code String}</li>
 *   <li>{@code active}: {@code Boolean}</li>
 *   <li>{@code externalId}: {@code String}</li>
 *   <li>{@code workspaceAccess}: {@code Boolean}</li>
 *   <li>{@code databricksSqlAccess}: {@code Boolean}</li>
 *   <li>{@code allowClusterCreate}: {@code Boolean}</li>
 *   <li>{@code allowInstancePoolCreate}: {@code Boolean}</li>
 * </ul>
 */
public final class ServicePrincipalArgs extends ResourceArgs {
    @Import(name = "applicationId")
    private final @Nullable Output<String> applicationId;

    @Import(name = "displayName")
    private final @Nullable Output<String> displayName;

    @Import(name = "active")
    private final @Nullable Output<Boolean> active;

    @Import(name = "externalId")
    private final @Nullable Output<String> externalId;

    @Import(name = "workspaceAccess")
    private final @Nullable Output<Boolean> workspaceAccess;

    @Import(name = "databricksSqlAccess")
    private final @Nullable Output<Boolean> databricksSqlAccess;

    @Import(name = "allowClusterCreate")
    private final @Nullable Output<Boolean> allowClusterCreate;

    @Import(name = "allowInstancePoolCreate")
    private final @Nullable Output<Boolean> allowInstancePoolCreate;

    private ServicePrincipalArgs(Builder builder) {
        this.applicationId = builder.applicationId;
        this.displayName = builder.displayName;
        this.active = builder.active;
        this.externalId = builder.externalId;
        this.workspaceAccess = builder.workspaceAccess;
        this.databricksSqlAccess = builder.databricksSqlAccess;
        this.allowClusterCreate = builder.allowClusterCreate;
        this.allowInstancePoolCreate = builder.allowInstancePoolCreate;
    }

    public Optional<Output<String>> applicationId() {
        return Optional.ofNullable(this.applicationId);
    }

    public Optional<Output<String>> displayName() {
        return Optional.ofNullable(this.displayName);
    }

    public Optional<Output<Boolean>> active() {
        return Optional.ofNullable(this.active);
    }

    public Optional<Output<String>> externalId() {
        return Optional.ofNullable(this.externalId);
    }

    public Optional<Output<Boolean>> workspaceAccess() {
        return Optional.ofNullable(this.workspaceAccess);
    }

    public Optional<Output<Boolean>> databricksSqlAccess() {
        return Optional.ofNullable(this.databricksSqlAccess);
    }

    public Optional<Output<Boolean>> allowClusterCreate() {
        return Optional.ofNullable(this.allowClusterCreate);
    }

    public Optional<Output<Boolean>> allowInstancePoolCreate() {
        return Optional.ofNullable(this.allowInstancePoolCreate);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> applicationId;
        private @Nullable Output<String> displayName;
        private @Nullable Output<Boolean> active;
        private @Nullable Output<String> externalId;
        private @Nullable Output<Boolean> workspaceAccess;
        private @Nullable Output<Boolean> databricksSqlAccess;
        private @Nullable Output<Boolean> allowClusterCreate;
        private @Nullable Output<Boolean> allowInstancePoolCreate;

        private Builder() {
        }

        public Builder applicationId(@Nullable Output<String> applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        public Builder applicationId(String applicationId) {
            return applicationId(Output.of(applicationId));
        }

        public Builder displayName(@Nullable Output<String> displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder displayName(String displayName) {
            return displayName(Output.of(displayName));
        }

        public Builder active(@Nullable Output<Boolean> active) {
            this.active = active;
            return this;
        }

        public Builder active(Boolean active) {
            return active(Output.of(active));
        }

        public Builder externalId(@Nullable Output<String> externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder externalId(String externalId) {
            return externalId(Output.of(externalId));
        }

        public Builder workspaceAccess(@Nullable Output<Boolean> workspaceAccess) {
            this.workspaceAccess = workspaceAccess;
            return this;
        }

        public Builder workspaceAccess(Boolean workspaceAccess) {
            return workspaceAccess(Output.of(workspaceAccess));
        }

        public Builder databricksSqlAccess(@Nullable Output<Boolean> databricksSqlAccess) {
            this.databricksSqlAccess = databricksSqlAccess;
            return this;
        }

        public Builder databricksSqlAccess(Boolean databricksSqlAccess) {
            return databricksSqlAccess(Output.of(databricksSqlAccess));
        }

        public Builder allowClusterCreate(@Nullable Output<Boolean> allowClusterCreate) {
            this.allowClusterCreate = allowClusterCreate;
            return this;
        }

        public Builder allowClusterCreate(Boolean allowClusterCreate) {
            return allowClusterCreate(Output.of(allowClusterCreate));
        }

        public Builder allowInstancePoolCreate(@Nullable Output<Boolean> allowInstancePoolCreate) {
            this.allowInstancePoolCreate = allowInstancePoolCreate;
            return this;
        }

        public Builder allowInstancePoolCreate(Boolean allowInstancePoolCreate) {
            return allowInstancePoolCreate(Output.of(allowInstancePoolCreate));
        }

        public ServicePrincipalArgs build() {
            return new ServicePrincipalArgs(this);
        }
    }
}
