package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * Input type {@code databricks:index/ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspace:ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspace}.
 *
 * <ul>
 *   <li>{@code isEnabled}: (required)</li>
 *   <li>{@code complianceStandards}: like {@code HIPAA}, {@code PCI_DSS}; may be empty (required)</li>
 * </ul>
 */
public final class ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs extends ResourceArgs {
    @Import(name = "isEnabled", required = true)
    private final Output<Boolean> isEnabled;

    @Import(name = "complianceStandards", required = true)
    private final Output<List<String>> complianceStandards;

    private ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs(Builder builder) {
        this.isEnabled = Bindings.required(builder.isEnabled, "ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs.isEnabled");
        this.complianceStandards = Bindings.required(builder.complianceStandards, "ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs.complianceStandards");
    }

    public Output<Boolean> isEnabled() {
        return this.isEnabled;
    }

    public Output<List<String>> complianceStandards() {
        return this.complianceStandards;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<Boolean> isEnabled;
        private @Nullable Output<List<String>> complianceStandards;

        private Builder() {
        }

        public Builder isEnabled(@Nullable Output<Boolean> isEnabled) {
            this.isEnabled = isEnabled;
            return this;
        }

        public Builder isEnabled(Boolean isEnabled) {
            return isEnabled(Output.of(isEnabled));
        }

        public Builder complianceStandards(@Nullable Output<List<String>> complianceStandards) {
            this.complianceStandards = complianceStandards;
            return this;
        }

        public Builder complianceStandards(List<String> complianceStandards) {
            return complianceStandards(Output.of(List.copyOf(complianceStandards)));
        }

        public Builder complianceStandards(String... complianceStandards) {
            return complianceStandards(List.copyOf(Arrays.asList(complianceStandards)));
        }

        public ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs build() {
            return new ComplianceSecurityProfileWorkspaceSettingComplianceSecurityProfileWorkspaceArgs(this);
        }
    }
}
