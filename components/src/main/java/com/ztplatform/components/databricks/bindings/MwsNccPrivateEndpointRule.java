package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A private endpoint from serverless compute to an Azure resource; the endpoint must
 * be approved on the target before it carries traffic.
 *
 * <p>Binding of {@code databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = MwsNccPrivateEndpointRule.TYPE)
public class MwsNccPrivateEndpointRule extends CustomResource {
    public static final String TYPE = "databricks:index/mwsNccPrivateEndpointRule:MwsNccPrivateEndpointRule";

    @Export(name = "ruleId", refs = {String.class}, tree = "[0]")
    private Output<String> ruleId;

    @Export(name = "connectionState", refs = {String.class}, tree = "[0]")
    private Output<String> connectionState;

    @Export(name = "endpointName", refs = {String.class}, tree = "[0]")
    private Output<String> endpointName;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public MwsNccPrivateEndpointRule(String name, MwsNccPrivateEndpointRuleArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "MwsNccPrivateEndpointRuleArgs"), Bindings.withDefaults(options));
    }

    /** Id of the rule. */
    public Output<String> ruleId() {
        return this.ruleId;
    }

    /** {@code PENDING} until the target owner approves the endpoint. */
    public Output<String> connectionState() {
        return this.connectionState;
    }

    /** Name of the private endpoint Databricks creates. */
    public Output<String> endpointName() {
        return this.endpointName;
    }
}
