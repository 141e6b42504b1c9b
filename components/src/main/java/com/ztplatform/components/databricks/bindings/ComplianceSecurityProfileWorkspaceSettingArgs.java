package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link ComplianceSecurityProfileWorkspaceSetting} ({@code databricks:index/complianceSecurityProfileWorkspaceSetting:ComplianceSecurityProfileWorkspaceSetting}).
 *
 * <ul>
 *   <li>{@code complianceSecurityProfileWorkspace}: (required)</li>
 * </ul>
 */
public final class ComplianceSecurityProfileWorkspaceSettingArgs extends ResourceArgs {
    @Import(name = "complianceSecurityProfileWorkspace", required = true)
    private final Output<ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs> complianceSecurityProfileWorkspace;

    private ComplianceSecurityProfileWorkspaceSettingArgs(Builder builder) {
        this.complianceSecurityProfileWorkspace = Bindings.required(builder.complianceSecurityProfileWorkspace, "ComplianceSecurityProfileWorkspaceSettingArgs.complianceSecurityProfileWorkspace");
    }

    public Output<ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs> complianceSecurityProfileWorkspace() {
        return this.complianceSecurityProfileWorkspace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs> complianceSecurityProfileWorkspace;

        private Builder() {
        }

        public Builder complianceSecurityProfileWorkspace(@Nullable Output<ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs> complianceSecurityProfileWorkspace) {
            this.complianceSecurityProfileWorkspace = complianceSecurityProfileWorkspace;
            return this;
        }

        public Builder complianceSecurityProfileWorkspace(ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs complianceSecurityProfileWorkspace) {
            return complianceSecurityProfileWorkspace(Output.of(complianceSecurityProfileWorkspace));
        }

        public ComplianceSecurityProfileWorkspaceSettingArgs build() {
            return new ComplianceSecurityProfileWorkspaceSettingArgs(this);
        }
    }
}
