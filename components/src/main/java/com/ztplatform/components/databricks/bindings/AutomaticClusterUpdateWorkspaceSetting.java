package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Automatic cluster update of a workspace, with its maintenance window.
 *
 * <p>Binding of {@code databricks:index/automaticClusterUpdateWorkspaceSetting:AutomaticClusterUpdateWorkspaceSetting}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = AutomaticClusterUpdateWorkspaceSetting.TYPE)
public class AutomaticClusterUpdateWorkspaceSetting extends CustomResource {
    public static final String TYPE = "databricks:index/automaticClusterUpdateWorkspaceSetting:AutomaticClusterUpdateWorkspaceSetting";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public AutomaticClusterUpdateWorkspaceSetting(String name, AutomaticClusterUpdateWorkspaceSettingArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "AutomaticClusterUpdateWorkspaceSettingArgs"), Bindings.withDefaults(options));
    }
}
