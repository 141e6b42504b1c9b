package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Binding of the Databricks resource {@code databricks:index/secretScope:SecretScope}. Sometimes accessing data requires that you authenticate to external data sources through JDBC.
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 */
@ResourceType(
        type = "databricks:index/secretScope:SecretScope"
)
public class SecretScope extends CustomResource {
    /**
     * The resource's type token.
     */
    public static final String TYPE = "databricks:index/secretScope:SecretScope";

    @Export(
            name = "name",
            refs = {String.class},
            tree = "[0]"
    )
    private Output<String> name;

    @Export(
            name = "backendType",
            refs = {String.class},
            tree = "[0]"
    )
    private Output<String> backendType;

    /**
     * Registers the resource; the provider version defaults to {@code 1.106.0}.
     *
     * @param name    logical name
     * @param args    inputs
     * @param options options; the caller's values win over the defaults
     */
    public SecretScope(String name, SecretScopeArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "SecretScopeArgs"), Bindings.withDefaults(options));
    }

    /**
     * Scope name requested by the user.
     *
     * @return the {@code name} output (string)
     */
    public Output<String> name() {
        return this.name;
    }

    /**
     * Either <code>DATABRICKS</code> or <code>AZURE_KEYVAULT</code>.
     *
     * @return the {@code backendType} output (string)
     */
    public Output<String> backendType() {
        return this.backendType;
    }
}
