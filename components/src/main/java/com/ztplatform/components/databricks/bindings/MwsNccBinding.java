package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Binds a network connectivity configuration to a workspace (account level).
 *
 * <p>Binding of {@code databricks:index/mwsNccBinding:MwsNccBinding}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = MwsNccBinding.TYPE)
public class MwsNccBinding extends CustomResource {
    public static final String TYPE = "databricks:index/mwsNccBinding:MwsNccBinding";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public MwsNccBinding(String name, MwsNccBindingArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "MwsNccBindingArgs"), Bindings.withDefaults(options));
    }
}
