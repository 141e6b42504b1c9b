package com.ztplatform.components.serverless;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.databricks.DisableLegacyAccessSetting;
import com.ztplatform.databricks.DisableLegacyAccessSettingArgs;
import com.ztplatform.databricks.DisableLegacyAccessSettingDisableLegacyAccessArgs;
import com.ztplatform.databricks.DisableLegacyDbfsSetting;
import com.ztplatform.databricks.DisableLegacyDbfsSettingArgs;
import com.ztplatform.databricks.DisableLegacyDbfsSettingDisableLegacyDbfsArgs;
import com.ztplatform.databricks.IpAccessList;
import com.ztplatform.databricks.IpAccessListArgs;
import com.ztplatform.databricks.WorkspaceConf;
import com.ztplatform.databricks.WorkspaceConfArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Workspace hardening through the Databricks workspace settings: legacy access and DBFS off, workspace conf
 * (token lifetime, results download, notebook export), and an IP access list only as an explicit break-glass.
 * The compliance security profile, enhanced security monitoring and automatic cluster update are Azure
 * workspace properties, not workspace settings, on Azure: see {@link HardeningSettings}.
 */
public class WorkspaceHardening extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:serverless:WorkspaceHardening";

    private final List<String> warnings = new ArrayList<>();

    /**
     * Applies the settings to the workspace the provider talks to.
     *
     * @param name     logical name
     * @param settings the hardening settings
     * @param provider a workspace-level provider for the workspace to harden
     * @param options  component options (parent, dependsOn)
     */
    public WorkspaceHardening(String name, HardeningSettings settings, DatabricksProvider provider,
                              @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("WorkspaceHardening", name, settings.problems("settings"));
        var opts = CustomResourceOptions.builder().parent(this).provider(provider).build();
        // Settings are written one at a time: the workspace settings API rejects concurrent updates.
        Resource previous = new DisableLegacyAccessSetting(name + "-no-legacy-access", DisableLegacyAccessSettingArgs.builder()
                .disableLegacyAccess(DisableLegacyAccessSettingDisableLegacyAccessArgs.builder()
                        .value(settings.disableLegacyAccess()).build())
                .build(), opts);
        previous = new DisableLegacyDbfsSetting(name + "-no-legacy-dbfs", DisableLegacyDbfsSettingArgs.builder()
                .disableLegacyDbfs(DisableLegacyDbfsSettingDisableLegacyDbfsArgs.builder()
                        .value(settings.disableLegacyDbfs()).build())
                .build(), after(opts, previous));
        previous = new WorkspaceConf(name + "-conf", WorkspaceConfArgs.builder()
                .customConfig(settings.workspaceConf())
                .build(), after(opts, previous));
        if (!settings.breakGlassIpRanges().isEmpty()) {
            new IpAccessList(name + "-break-glass", IpAccessListArgs.builder()
                    .label("break-glass")
                    .listType("ALLOW")
                    .ipAddresses(settings.breakGlassIpRanges())
                    .enabled(true)
                    .build(), after(opts, previous));
            warnings.add("WorkspaceHardening '" + name + "': break-glass IP access list " + settings.breakGlassIpRanges()
                    + " is on. It admits those ranges only if public network access is re-enabled on the workspace, "
                    + "which opens the front door: remove it when the emergency is over");
        }
        registerOutputs(Map.of());
    }

    private static CustomResourceOptions after(CustomResourceOptions base, @Nullable Resource previous) {
        return previous == null ? base : CustomResourceOptions.merge(base,
                CustomResourceOptions.builder().dependsOn(previous).build());
    }

    /**
     * What the stack should tell the operator, like a break-glass list being on.
     *
     * @return the warnings
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
