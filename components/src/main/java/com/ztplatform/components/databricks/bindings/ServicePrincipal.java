package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A service principal in a workspace (or account).
 *
 * <p>Binding of {@code databricks:index/servicePrincipal:ServicePrincipal}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = ServicePrincipal.TYPE)
public class ServicePrincipal extends CustomResource {
    public static final String TYPE = "databricks:index/servicePrincipal:ServicePrincipal";

    @Export(name = "applicationId", refs = {String.class}, tree = "[0]")
    private Output<String> applicationId;

    @Export(name = "aclPrincipalId", refs = {String.class}, tree = "[0]")
    private Output<String> aclPrincipalId;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public ServicePrincipal(String name, ServicePrincipalArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "ServicePrincipalArgs"), Bindings.withDefaults(options));
    }

    /** Client id of the Entra ID application (Entra-managed service principal). */
    public Output<String> applicationId() {
        return this.applicationId;
    }

    /** Principal id for ACLs, like {@code servicePrincipals/<applicationId>}. */
    public Output<String> aclPrincipalId() {
        return this.aclPrincipalId;
    }
}
