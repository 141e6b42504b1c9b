package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link MwsNccBinding} ({@code databricks:index/mwsNccBinding:MwsNccBinding}).
 *
 * <ul>
 *   <li>{@code networkConnectivityConfigId}: (required)</li>
 *   <li>{@code workspaceId}: numeric Databricks workspace id, as a string (required)</li>
 * </ul>
 */
public final class MwsNccBindingArgs extends ResourceArgs {
    @Import(name = "networkConnectivityConfigId", required = true)
    private final Output<String> networkConnectivityConfigId;

    @Import(name = "workspaceId", required = true)
    private final Output<String> workspaceId;

    private MwsNccBindingArgs(Builder builder) {
        this.networkConnectivityConfigId = Bindings.required(builder.networkConnectivityConfigId, "MwsNccBindingArgs.networkConnectivityConfigId");
        this.workspaceId = Bindings.required(builder.workspaceId, "MwsNccBindingArgs.workspaceId");
    }

    public Output<String> networkConnectivityConfigId() {
        return this.networkConnectivityConfigId;
    }

    public Output<String> workspaceId() {
        return this.workspaceId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> networkConnectivityConfigId;
        private @Nullable Output<String> workspaceId;

        private Builder() {
        }

        public Builder networkConnectivityConfigId(@Nullable Output<String> networkConnectivityConfigId) {
            this.networkConnectivityConfigId = networkConnectivityConfigId;
            return this;
        }

        public Builder networkConnectivityConfigId(String networkConnectivityConfigId) {
            return networkConnectivityConfigId(Output.of(networkConnectivityConfigId));
        }

        public Builder workspaceId(@Nullable Output<String> workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        public Builder workspaceId(String workspaceId) {
            return workspaceId(Output.of(workspaceId));
        }

        public MwsNccBindingArgs build() {
            return new MwsNccBindingArgs(this);
        }
    }
}
