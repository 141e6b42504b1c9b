package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Input type {@code databricks:index/JobTaskEmailNotifications:JobTaskEmailNotifications}.
 *
 * <ul>
 *   <li>{@code onStarts}: {@code List<String>}</li>
 *   <li>{@code onSuccesses}: {@code List<String>}</li>
 *   <li>{@code onFailures}: {@code List<String>}</li>
 *   <li>{@code noAlertForSkippedRuns}: {@code Boolean}</li>
 * </ul>
 */
public final class JobTaskEmailNotificationsArgs extends ResourceArgs {
    @Import(name = "onStarts")
    private final @Nullable Output<List<String>> onStarts;

    @Import(name = "onSuccesses")
    private final @Nullable Output<List<String>> onSuccesses;

    @Import(name = "onFailures")
    private final @Nullable Output<List<String>> onFailures;

    @Import(name = "noAlertForSkippedRuns")
    private final @Nullable Output<Boolean> noAlertForSkippedRuns;

    private JobTaskEmailNotificationsArgs(Builder builder) {
        this.onStarts = builder.onStarts;
        this.onSuccesses = builder.onSuccesses;
        this.onFailures = builder.onFailures;
        this.noAlertForSkippedRuns = builder.noAlertForSkippedRuns;
    }

    public Optional<Output<List<String>>> onStarts() {
        return Optional.ofNullable(this.onStarts);
    }

    public Optional<Output<List<String>>> onSuccesses() {
        return Optional.ofNullable(this.onSuccesses);
    }

    public Optional<Output<List<String>>> onFailures() {
        return Optional.ofNullable(this.onFailures);
    }

    public Optional<Output<Boolean>> noAlertForSkippedRuns() {
        return Optional.ofNullable(this.noAlertForSkippedRuns);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<List<String>> onStarts;
        private @Nullable Output<List<String>> onSuccesses;
        private @Nullable Output<List<String>> onFailures;
        private @Nullable Output<Boolean> noAlertForSkippedRuns;

        private Builder() {
        }

        public Builder onStarts(@Nullable Output<List<String>> onStarts) {
            this.onStarts = onStarts;
            return this;
        }

        public Builder onStarts(List<String> onStarts) {
            return onStarts(Output.of(List.copyOf(onStarts)));
        }

        public Builder onStarts(String... onStarts) {
            return onStarts(List.copyOf(Arrays.asList(onStarts)));
        }

        public Builder onSuccesses(@Nullable Output<List<String>> onSuccesses) {
            this.onSuccesses = onSuccesses;
            return this;
        }

        public Builder onSuccesses(List<String> onSuccesses) {
            return onSuccesses(Output.of(List.copyOf(onSuccesses)));
        }

        public Builder onSuccesses(String... onSuccesses) {
            return onSuccesses(List.copyOf(Arrays.asList(onSuccesses)));
        }

        public Builder onFailures(@Nullable Output<List<String>> onFailures) {
            this.onFailures = onFailures;
            return this;
        }

        public Builder onFailures(List<String> onFailures) {
            return onFailures(Output.of(List.copyOf(onFailures)));
        }

        public Builder onFailures(String... onFailures) {
            return onFailures(List.copyOf(Arrays.asList(onFailures)));
        }

        public Builder noAlertForSkippedRuns(@Nullable Output<Boolean> noAlertForSkippedRuns) {
            this.noAlertForSkippedRuns = noAlertForSkippedRuns;
            return this;
        }

        public Builder noAlertForSkippedRuns(Boolean noAlertForSkippedRuns) {
            return noAlertForSkippedRuns(Output.of(noAlertForSkippedRuns));
        }

        public JobTaskEmailNotificationsArgs build() {
            return new JobTaskEmailNotificationsArgs(this);
        }
    }
}
