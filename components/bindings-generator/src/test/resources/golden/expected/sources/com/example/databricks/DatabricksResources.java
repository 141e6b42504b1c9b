package com.example.databricks;

import com.pulumi.resources.CustomResource;
import java.util.List;

/**
 * Every generated Databricks resource binding, in allowlist order.
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
public final class DatabricksResources {
    /**
     * The resource classes.
     */
    public static final List<Class<? extends CustomResource>> CLASSES = List.of(
    SecretScope.class,
    Secret.class,
    SecretAcl.class,
    Grant.class,
    WorkspaceConf.class);

    private DatabricksResources() {
    }
}
