package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link EnhancedSecurityMonitoringWorkspaceSetting} ({@code databricks:index/enhancedSecurityMonitoringWorkspaceSetting:EnhancedSecurityMonitoringWorkspaceSetting}).
 *
 * <ul>
 *   <li>{@code enhancedSecurityMonitoringWorkspace}: (required)</li>
 * </ul>
 */
public final class EnhancedSecurityMonitoringWorkspaceSettingArgs extends ResourceArgs {
    @Import(name = "enhancedSecurityMonitoringWorkspace", required = true)
    private final Output<EnhancedSecurityMonitoringWorkspaceSettingEnhancedSecurityMonitoringWorkspaceArgs> enhancedSecurityMonitoringWorkspace;

    private EnhancedSecurityMonitoringWorkspaceSettingArgs(Builder builder) {
        this.enhancedSecurityMonitoringWorkspace = Bindings.required(builder.enhancedSecurityMonitoringWorkspace, "EnhancedSecurityMonitoringWorkspaceSettingArgs.enhancedSecurityMonitoringWorkspace");
    }

    public Output<EnhancedSecurityMonitoringWorkspaceSettingEnhancedSecurityMonitoringWorkspaceArgs> enhancedSecurityMonitoringWorkspace() {
        return this.enhancedSecurityMonitoringWorkspace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<EnhancedSecurityMonitoringWorkspaceSettingEnhancedSecurityMonitoringWorkspaceArgs> enhancedSecurityMonitoringWorkspace;

        private Builder() {
        }

        public Builder enhancedSecurityMonitoringWorkspace(@Nullable Output<EnhancedSecurityMonitoringWorkspaceSettingEnhancedSecurityMonitoringWorkspaceArgs> enhancedSecurityMonitoringWorkspace) {
            this.enhancedSecurityMonitoringWorkspace = enhancedSecurityMonitoringWorkspace;
            return this;
        }

        public Builder enhancedSecurityMonitoringWorkspace(EnhancedSecurityMonitoringWorkspaceSettingEnhancedSecurityMonitoringWorkspaceArgs enhancedSecurityMonitoringWorkspace) {
            return enhancedSecurityMonitoringWorkspace(Output.of(enhancedSecurityMonitoringWorkspace));
        }

        public EnhancedSecurityMonitoringWorkspaceSettingArgs build() {
            return new EnhancedSecurityMonitoringWorkspaceSettingArgs(this);
        }
    }
}
