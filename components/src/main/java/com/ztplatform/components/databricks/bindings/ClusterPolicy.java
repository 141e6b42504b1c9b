package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A cluster policy.
 *
 * <p>Binding of {@code databricks:index/clusterPolicy:ClusterPolicy}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = ClusterPolicy.TYPE)
public class ClusterPolicy extends CustomResource {
    public static final String TYPE = "databricks:index/clusterPolicy:ClusterPolicy";

    @Export(name = "policyId", refs = {String.class}, tree = "[0]")
    private Output<String> policyId;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public ClusterPolicy(String name, ClusterPolicyArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "ClusterPolicyArgs"), Bindings.withDefaults(options));
    }

    /** Id that clusters and job clusters pass as {@code policyId}. */
    public Output<String> policyId() {
        return this.policyId;
    }
}
