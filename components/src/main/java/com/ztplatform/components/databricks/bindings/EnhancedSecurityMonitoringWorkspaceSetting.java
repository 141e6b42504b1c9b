package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Enhanced security monitoring of a workspace.
 *
 * <p>Binding of {@code databricks:index/enhancedSecurityMonitoringWorkspaceSetting:EnhancedSecurityMonitoringWorkspaceSetting}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = EnhancedSecurityMonitoringWorkspaceSetting.TYPE)
public class EnhancedSecurityMonitoringWorkspaceSetting extends CustomResource {
    public static final String TYPE = "databricks:index/enhancedSecurityMonitoringWorkspaceSetting:EnhancedSecurityMonitoringWorkspaceSetting";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public EnhancedSecurityMonitoringWorkspaceSetting(String name, EnhancedSecurityMonitoringWorkspaceSettingArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "EnhancedSecurityMonitoringWorkspaceSettingArgs"), Bindings.withDefaults(options));
    }
}
