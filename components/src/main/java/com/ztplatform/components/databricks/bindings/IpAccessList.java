package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A workspace IP access list (needs {@code enableIpAccessLists} in {@link WorkspaceConf}).
 *
 * <p>Binding of {@code databricks:index/ipAccessList:IpAccessList}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = IpAccessList.TYPE)
public class IpAccessList extends CustomResource {
    public static final String TYPE = "databricks:index/ipAccessList:IpAccessList";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public IpAccessList(String name, IpAccessListArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "IpAccessListArgs"), Bindings.withDefaults(options));
    }
}
