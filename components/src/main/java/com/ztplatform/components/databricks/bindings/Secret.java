package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A secret in a Databricks-backed scope. {@code stringValue} is made secret when it is set and listed in
 * {@code additionalSecretOutputs}, so it never appears in clear in state or previews.
 *
 * <p>Binding of {@code databricks:index/secret:Secret}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = Secret.TYPE)
public class Secret extends CustomResource {
    public static final String TYPE = "databricks:index/secret:Secret";

    @Export(name = "configReference", refs = {String.class}, tree = "[0]")
    private Output<String> configReference;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version, secret outputs)
     */
    public Secret(String name, SecretArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "SecretArgs"), Bindings.withDefaults(options, "stringValue"));
    }

    /** Reference usable in Spark conf and env vars, like {@code {{secrets/scope/key}}}. */
    public Output<String> configReference() {
        return this.configReference;
    }
}
