package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Disables legacy access (Hive metastore, no-isolation clusters) in a workspace.
 *
 * <p>Binding of {@code databricks:index/disableLegacyAccessSetting:DisableLegacyAccessSetting}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = DisableLegacyAccessSetting.TYPE)
public class DisableLegacyAccessSetting extends CustomResource {
    public static final String TYPE = "databricks:index/disableLegacyAccessSetting:DisableLegacyAccessSetting";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public DisableLegacyAccessSetting(String name, DisableLegacyAccessSettingArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DisableLegacyAccessSettingArgs"), Bindings.withDefaults(options));
    }
}
