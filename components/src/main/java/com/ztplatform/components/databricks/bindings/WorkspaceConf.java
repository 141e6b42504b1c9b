package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Workspace configuration keys (for example enableIpAccessLists).
 *
 * <p>Binding of {@code databricks:index/workspaceConf:WorkspaceConf}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = WorkspaceConf.TYPE)
public class WorkspaceConf extends CustomResource {
    public static final String TYPE = "databricks:index/workspaceConf:WorkspaceConf";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public WorkspaceConf(String name, WorkspaceConfArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "WorkspaceConfArgs"), Bindings.withDefaults(options));
    }
}
