package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link AutomaticClusterUpdateWorkspaceSetting} ({@code databricks:index/automaticClusterUpdateWorkspaceSetting:AutomaticClusterUpdateWorkspaceSetting}).
 *
 * <ul>
 *   <li>{@code automaticClusterUpdateWorkspace}: (required)</li>
 * </ul>
 */
public final class AutomaticClusterUpdateWorkspaceSettingArgs extends ResourceArgs {
    @Import(name = "automaticClusterUpdateWorkspace", required = true)
    private final Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs> automaticClusterUpdateWorkspace;

    private AutomaticClusterUpdateWorkspaceSettingArgs(Builder builder) {
        this.automaticClusterUpdateWorkspace = Bindings.required(builder.automaticClusterUpdateWorkspace, "AutomaticClusterUpdateWorkspaceSettingArgs.automaticClusterUpdateWorkspace");
    }

    public Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs> automaticClusterUpdateWorkspace() {
        return this.automaticClusterUpdateWorkspace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs> automaticClusterUpdateWorkspace;

        private Builder() {
        }

        public Builder automaticClusterUpdateWorkspace(@Nullable Output<AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs> automaticClusterUpdateWorkspace) {
            this.automaticClusterUpdateWorkspace = automaticClusterUpdateWorkspace;
            return this;
        }

        public Builder automaticClusterUpdateWorkspace(AutomaticClusterUpdateWorkspaceSettingAutomaticClusterUpdateWorkspaceArgs automaticClusterUpdateWorkspace) {
            return automaticClusterUpdateWorkspace(Output.of(automaticClusterUpdateWorkspace));
        }

        public AutomaticClusterUpdateWorkspaceSettingArgs build() {
            return new AutomaticClusterUpdateWorkspaceSettingArgs(this);
        }
    }
}
