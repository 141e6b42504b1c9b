package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Unity Catalog privileges of ONE principal on ONE securable. Unlike {@code databricks_grants} (which owns every
 * grant on the securable and would revoke other teams' grants on a shared catalog), this resource adds and removes
 * only its own principal's privileges (pulumi.com/registry/packages/databricks/api-docs/grant).
 *
 * <p>Binding of {@code databricks:index/grant:Grant}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = Grant.TYPE)
public class Grant extends CustomResource {
    public static final String TYPE = "databricks:index/grant:Grant";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public Grant(String name, GrantArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "GrantArgs"), Bindings.withDefaults(options));
    }
}
