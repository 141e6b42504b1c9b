package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Inputs of {@link WorkspaceNetworkOption} ({@code databricks:index/workspaceNetworkOption:WorkspaceNetworkOption}).
 *
 * <ul>
 *   <li>{@code workspaceId}: {@code String}</li>
 *   <li>{@code networkPolicyId}: {@code String}</li>
 * </ul>
 */
public final class WorkspaceNetworkOptionArgs extends ResourceArgs {
    @Import(name = "workspaceId")
    private final @Nullable Output<String> workspaceId;

    @Import(name = "networkPolicyId")
    private final @Nullable Output<String> networkPolicyId;

    private WorkspaceNetworkOptionArgs(Builder builder) {
        this.workspaceId = builder.workspaceId;
        this.networkPolicyId = builder.networkPolicyId;
    }

    public Optional<Output<String>> workspaceId() {
        return Optional.ofNullable(this.workspaceId);
    }

    public Optional<Output<String>> networkPolicyId() {
        return Optional.ofNullable(this.networkPolicyId);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> workspaceId;
        private @Nullable Output<String> networkPolicyId;

        private Builder() {
        }

        public Builder workspaceId(@Nullable Output<String> workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        public Builder workspaceId(String workspaceId) {
            return workspaceId(Output.of(workspaceId));
        }

        public Builder networkPolicyId(@Nullable Output<String> networkPolicyId) {
            this.networkPolicyId = networkPolicyId;
            return this;
        }

        public Builder networkPolicyId(String networkPolicyId) {
            return networkPolicyId(Output.of(networkPolicyId));
        }

        public WorkspaceNetworkOptionArgs build() {
            return new WorkspaceNetworkOptionArgs(this);
        }
    }
}
