package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Attaches an account network policy to a workspace (account level).
 *
 * <p>Binding of {@code databricks:index/workspaceNetworkOption:WorkspaceNetworkOption}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = WorkspaceNetworkOption.TYPE)
public class WorkspaceNetworkOption extends CustomResource {
    public static final String TYPE = "databricks:index/workspaceNetworkOption:WorkspaceNetworkOption";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public WorkspaceNetworkOption(String name, WorkspaceNetworkOptionArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "WorkspaceNetworkOptionArgs"), Bindings.withDefaults(options));
    }
}
