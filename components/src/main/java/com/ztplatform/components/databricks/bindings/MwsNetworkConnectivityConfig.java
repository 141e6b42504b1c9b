package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * An account-level network connectivity configuration (serverless egress);
 * at most 10 per region per account. Needs an account-level provider ({@link DatabricksProvider#account}).
 *
 * <p>Binding of {@code databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = MwsNetworkConnectivityConfig.TYPE)
public class MwsNetworkConnectivityConfig extends CustomResource {
    public static final String TYPE = "databricks:index/mwsNetworkConnectivityConfig:MwsNetworkConnectivityConfig";

    @Export(name = "networkConnectivityConfigId", refs = {String.class}, tree = "[0]")
    private Output<String> networkConnectivityConfigId;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public MwsNetworkConnectivityConfig(String name, MwsNetworkConnectivityConfigArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "MwsNetworkConnectivityConfigArgs"), Bindings.withDefaults(options));
    }

    /** Id that rules and bindings refer to. */
    public Output<String> networkConnectivityConfigId() {
        return this.networkConnectivityConfigId;
    }
}
