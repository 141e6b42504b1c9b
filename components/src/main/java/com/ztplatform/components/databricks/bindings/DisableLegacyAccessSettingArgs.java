package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link DisableLegacyAccessSetting} ({@code databricks:index/disableLegacyAccessSetting:DisableLegacyAccessSetting}).
 *
 * <ul>
 *   <li>{@code disableLegacyAccess}: (required)</li>
 * </ul>
 */
public final class DisableLegacyAccessSettingArgs extends ResourceArgs {
    @Import(name = "disableLegacyAccess", required = true)
    private final Output<DisableLegacyAccessSettingDisableLegacyAccessArgs> disableLegacyAccess;

    private DisableLegacyAccessSettingArgs(Builder builder) {
        this.disableLegacyAccess = Bindings.required(builder.disableLegacyAccess, "DisableLegacyAccessSettingArgs.disableLegacyAccess");
    }

    public Output<DisableLegacyAccessSettingDisableLegacyAccessArgs> disableLegacyAccess() {
        return this.disableLegacyAccess;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<DisableLegacyAccessSettingDisableLegacyAccessArgs> disableLegacyAccess;

        private Builder() {
        }

        public Builder disableLegacyAccess(@Nullable Output<DisableLegacyAccessSettingDisableLegacyAccessArgs> disableLegacyAccess) {
            this.disableLegacyAccess = disableLegacyAccess;
            return this;
        }

        public Builder disableLegacyAccess(DisableLegacyAccessSettingDisableLegacyAccessArgs disableLegacyAccess) {
            return disableLegacyAccess(Output.of(disableLegacyAccess));
        }

        public DisableLegacyAccessSettingArgs build() {
            return new DisableLegacyAccessSettingArgs(this);
        }
    }
}
