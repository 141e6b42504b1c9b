package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * The compliance security profile of a workspace.
 *
 * <p>Binding of {@code databricks:index/complianceSecurityProfileWorkspaceSetting:ComplianceSecurityProfileWorkspaceSetting}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = ComplianceSecurityProfileWorkspaceSetting.TYPE)
public class ComplianceSecurityProfileWorkspaceSetting extends CustomResource {
    public static final String TYPE = "databricks:index/complianceSecurityProfileWorkspaceSetting:ComplianceSecurityProfileWorkspaceSetting";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public ComplianceSecurityProfileWorkspaceSetting(String name, ComplianceSecurityProfileWorkspaceSettingArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "ComplianceSecurityProfileWorkspaceSettingArgs"), Bindings.withDefaults(options));
    }
}
