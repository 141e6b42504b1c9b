package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Disables legacy DBFS root and mounts in a workspace.
 *
 * <p>Binding of {@code databricks:index/disableLegacyDbfsSetting:DisableLegacyDbfsSetting}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = DisableLegacyDbfsSetting.TYPE)
public class DisableLegacyDbfsSetting extends CustomResource {
    public static final String TYPE = "databricks:index/disableLegacyDbfsSetting:DisableLegacyDbfsSetting";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public DisableLegacyDbfsSetting(String name, DisableLegacyDbfsSettingArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DisableLegacyDbfsSettingArgs"), Bindings.withDefaults(options));
    }
}
