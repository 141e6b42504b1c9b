package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * Account-level serverless egress policy (restricted mode plus allowed destinations);
 * attach it to workspaces with {@link WorkspaceNetworkOption}.
 *
 * <p>Binding of {@code databricks:index/accountNetworkPolicy:AccountNetworkPolicy}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = AccountNetworkPolicy.TYPE)
public class AccountNetworkPolicy extends CustomResource {
    public static final String TYPE = "databricks:index/accountNetworkPolicy:AccountNetworkPolicy";

    @Export(name = "accountId", refs = {String.class}, tree = "[0]")
    private Output<String> accountId;

    @Export(name = "networkPolicyId", refs = {String.class}, tree = "[0]")
    private Output<String> networkPolicyId;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public AccountNetworkPolicy(String name, AccountNetworkPolicyArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "AccountNetworkPolicyArgs"), Bindings.withDefaults(options));
    }

    /** Databricks account id. */
    public Output<String> accountId() {
        return this.accountId;
    }

    /** Id of the policy; {@link WorkspaceNetworkOption} refers to it. */
    public Output<Optional<String>> networkPolicyId() {
        return this.networkPolicyId.applyValue(Optional::ofNullable);
    }
}
