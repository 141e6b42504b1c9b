package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Input type {@code databricks:index/DisableLegacyAccessSettingDisableLegacyAccess:DisableLegacyAccessSettingDisableLegacyAccess}.
 *
 * <ul>
 *   <li>{@code value}: (required)</li>
 * </ul>
 */
public final class DisableLegacyAccessSettingDisableLegacyAccessArgs extends ResourceArgs {
    @Import(name = "value", required = true)
    private final Output<Boolean> value;

    private DisableLegacyAccessSettingDisableLegacyAccessArgs(Builder builder) {
        this.value = Bindings.required(builder.value, "DisableLegacyAccessSettingDisableLegacyAccessArgs.value");
    }

    public Output<Boolean> value() {
        return this.value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<Boolean> value;

        private Builder() {
        }

        public Builder value(@Nullable Output<Boolean> value) {
            this.value = value;
            return this;
        }

        public Builder value(Boolean value) {
            return value(Output.of(value));
        }

        public DisableLegacyAccessSettingDisableLegacyAccessArgs build() {
            return new DisableLegacyAccessSettingDisableLegacyAccessArgs(this);
        }
    }
}
