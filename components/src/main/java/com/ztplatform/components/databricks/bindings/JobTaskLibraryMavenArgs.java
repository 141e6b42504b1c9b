package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Input type {@code databricks:index/JobTaskLibraryMaven:JobTaskLibraryMaven}.
 *
 * <ul>
 *   <li>{@code coordinates}: (required)</li>
 *   <li>{@code repo}: {@code String}</li>
 *   <li>{@code exclusions}: {@code List<String>}</li>
 * </ul>
 */
public final class JobTaskLibraryMavenArgs extends ResourceArgs {
    @Import(name = "coordinates", required = true)
    private final Output<String> coordinates;

    @Import(name = "repo")
    private final @Nullable Output<String> repo;

    @Import(name = "exclusions")
    private final @Nullable Output<List<String>> exclusions;

    private JobTaskLibraryMavenArgs(Builder builder) {
        this.coordinates = Bindings.required(builder.coordinates, "JobTaskLibraryMavenArgs.coordinates");
        this.repo = builder.repo;
        this.exclusions = builder.exclusions;
    }

    public Output<String> coordinates() {
        return this.coordinates;
    }

    public Optional<Output<String>> repo() {
        return Optional.ofNullable(this.repo);
    }

    public Optional<Output<List<String>>> exclusions() {
        return Optional.ofNullable(this.exclusions);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> coordinates;
        private @Nullable Output<String> repo;
        private @Nullable Output<List<String>> exclusions;

        private Builder() {
        }

        public Builder coordinates(@Nullable Output<String> coordinates) {
            this.coordinates = coordinates;
            return this;
        }

        public Builder coordinates(String coordinates) {
            return coordinates(Output.of(coordinates));
        }

        public Builder repo(@Nullable Output<String> repo) {
            this.repo = repo;
            return this;
        }

        public Builder repo(String repo) {
            return repo(Output.of(repo));
        }

        public Builder exclusions(@Nullable Output<List<String>> exclusions) {
            this.exclusions = exclusions;
            return this;
        }

        public Builder exclusions(List<String> exclusions) {
            return exclusions(Output.of(List.copyOf(exclusions)));
        }

        public Builder exclusions(String... exclusions) {
            return exclusions(List.copyOf(Arrays.asList(exclusions)));
        }

        public JobTaskLibraryMavenArgs build() {
            return new JobTaskLibraryMavenArgs(this);
        }
    }
}
