package com.example.databricks;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Binding of the Databricks resource {@code databricks:index/workspaceConf:WorkspaceConf}. Manages workspace configuration for expert usage.
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
@ResourceType(
        type = "databricks:index/workspaceConf:WorkspaceConf"
)
public class WorkspaceConf extends CustomResource {
    /**
     * The resource's type token.
     */
    public static final String TYPE = "databricks:index/workspaceConf:WorkspaceConf";

    /**
     * Registers the resource; the provider version defaults to {@code 1.106.0}.
     *
     * @param name    logical name
     * @param args    inputs
     * @param options options; the caller's values win over the defaults
     */
    public WorkspaceConf(String name, WorkspaceConfArgs args,
            @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "WorkspaceConfArgs"), Bindings.withDefaults(options));
    }
}
