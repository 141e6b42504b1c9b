package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Inputs of {@link WorkspaceFile} ({@code databricks:index/workspaceFile:WorkspaceFile}).
 *
 * <ul>
 *   <li>{@code path}: absolute workspace path, like {@code /Shared/jobs/mirror.jar} (required)</li>
 *   <li>{@code source}: local file to upload; exactly one of source and contentBase64</li>
 *   <li>{@code contentBase64}: file content, base64; exactly one of source and contentBase64</li>
 *   <li>{@code md5}: change detector for {@code source}: set it to the file's digest to re-upload on change</li>
 * </ul>
 */
public final class WorkspaceFileArgs extends ResourceArgs {
    @Import(name = "path", required = true)
    private final Output<String> path;

    @Import(name = "source")
    private final @Nullable Output<String> source;

    @Import(name = "contentBase64")
    private final @Nullable Output<String> contentBase64;

    @Import(name = "md5")
    private final @Nullable Output<String> md5;

    private WorkspaceFileArgs(Builder builder) {
        this.path = Bindings.required(builder.path, "WorkspaceFileArgs.path");
        this.source = builder.source;
        this.contentBase64 = builder.contentBase64;
        this.md5 = builder.md5;
        if ((this.source == null) == (this.contentBase64 == null)) {
            throw new IllegalArgumentException("WorkspaceFileArgs needs exactly one of source and contentBase64, "
                    + "like source(\"target/mirror.jar\")");
        }
    }

    public Output<String> path() {
        return this.path;
    }

    public Optional<Output<String>> source() {
        return Optional.ofNullable(this.source);
    }

    public Optional<Output<String>> contentBase64() {
        return Optional.ofNullable(this.contentBase64);
    }

    public Optional<Output<String>> md5() {
        return Optional.ofNullable(this.md5);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> path;
        private @Nullable Output<String> source;
        private @Nullable Output<String> contentBase64;
        private @Nullable Output<String> md5;

        private Builder() {
        }

        public Builder path(@Nullable Output<String> path) {
            this.path = path;
            return this;
        }

        public Builder path(String path) {
            return path(Output.of(path));
        }

        public Builder source(@Nullable Output<String> source) {
            this.source = source;
            return this;
        }

        public Builder source(String source) {
            return source(Output.of(source));
        }

        public Builder contentBase64(@Nullable Output<String> contentBase64) {
            this.contentBase64 = contentBase64;
            return this;
        }

        public Builder contentBase64(String contentBase64) {
            return contentBase64(Output.of(contentBase64));
        }

        public Builder md5(@Nullable Output<String> md5) {
            this.md5 = md5;
            return this;
        }

        public Builder md5(String md5) {
            return md5(Output.of(md5));
        }

        public WorkspaceFileArgs build() {
            return new WorkspaceFileArgs(this);
        }
    }
}
