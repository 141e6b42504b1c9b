package com.example.databricks;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Binding of the Databricks resource {@code databricks:index/grant:Grant}. In Unity Catalog all users initially have no access to data.
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
@ResourceType(
        type = "databricks:index/grant:Grant"
)
public class Grant extends CustomResource {
    /**
     * The resource's type token.
     */
    public static final String TYPE = "databricks:index/grant:Grant";

    /**
     * Registers the resource; the provider version defaults to {@code 1.106.0}.
     *
     * @param name    logical name
     * @param args    inputs
     * @param options options; the caller's values win over the defaults
     */
    public Grant(String name, GrantArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "GrantArgs"), Bindings.withDefaults(options));
    }
}
