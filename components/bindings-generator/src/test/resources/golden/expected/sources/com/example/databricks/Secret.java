package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Binding of the Databricks resource {@code databricks:index/secret:Secret}. With this resource you can insert a secret under the provided scope with the given name.
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 *
 * <p>Secret outputs: {@code stringValue}.
 */
@ResourceType(
        type = "databricks:index/secret:Secret"
)
public class Secret extends CustomResource {
    /**
     * The resource's type token.
     */
    public static final String TYPE = "databricks:index/secret:Secret";

    @Export(
            name = "configReference",
            refs = {String.class},
            tree = "[0]"
    )
    private Output<String> configReference;

    /**
     * Registers the resource; the provider version defaults to {@code 1.106.0}.
     *
     * @param name    logical name
     * @param args    inputs
     * @param options options; the caller's values win over the defaults
     */
    public Secret(String name, SecretArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "SecretArgs"), Bindings.withDefaults(options, "stringValue"));
    }

    /**
     * (String) value to use as a secret reference in Spark configuration and environment variables: <code>&#123;&#123;secrets/scope/key&#125;&#125;</code>.
     *
     * @return the {@code configReference} output (string)
     */
    public Output<String> configReference() {
        return this.configReference;
    }
}
