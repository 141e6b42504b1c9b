package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Inputs of {@link DisableLegacyDbfsSetting} ({@code databricks:index/disableLegacyDbfsSetting:DisableLegacyDbfsSetting}).
 *
 * <ul>
 *   <li>{@code disableLegacyDbfs}: (required)</li>
 * </ul>
 */
public final class DisableLegacyDbfsSettingArgs extends ResourceArgs {
    @Import(name = "disableLegacyDbfs", required = true)
    private final Output<DisableLegacyDbfsSettingDisableLegacyDbfsArgs> disableLegacyDbfs;

    private DisableLegacyDbfsSettingArgs(Builder builder) {
        this.disableLegacyDbfs = Bindings.required(builder.disableLegacyDbfs, "DisableLegacyDbfsSettingArgs.disableLegacyDbfs");
    }

    public Output<DisableLegacyDbfsSettingDisableLegacyDbfsArgs> disableLegacyDbfs() {
        return this.disableLegacyDbfs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<DisableLegacyDbfsSettingDisableLegacyDbfsArgs> disableLegacyDbfs;

        private Builder() {
        }

        public Builder disableLegacyDbfs(@Nullable Output<DisableLegacyDbfsSettingDisableLegacyDbfsArgs> disableLegacyDbfs) {
            this.disableLegacyDbfs = disableLegacyDbfs;
            return this;
        }

        public Builder disableLegacyDbfs(DisableLegacyDbfsSettingDisableLegacyDbfsArgs disableLegacyDbfs) {
            return disableLegacyDbfs(Output.of(disableLegacyDbfs));
        }

        public DisableLegacyDbfsSettingArgs build() {
            return new DisableLegacyDbfsSettingArgs(this);
        }
    }
}
