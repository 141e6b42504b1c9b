package com.example.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link Grant} ({@code databricks:index/grant:Grant}).
 *
 * <ul>
 *   <li>{@code catalog}: string; replaces the resource when it changes</li>
 *   <li>{@code schema}: string; replaces the resource when it changes</li>
 *   <li>{@code principal}: string; required; replaces the resource when it changes</li>
 *   <li>{@code privileges}: list of string; required; every value matching [A-Z][A-Z_]*</li>
 * </ul>
 *
 * <p>Generated from the databricks provider schema 1.106.0 by the bindings generator; edit the allowlist, not this file.
 *
 * <p>Exactly one of {@code catalog}, {@code schema} must be set.
 */
public final class GrantArgs extends ResourceArgs {
    @Import(
            name = "catalog"
    )
    @Nullable
    private final Output<String> catalog;

    @Import(
            name = "schema"
    )
    @Nullable
    private final Output<String> schema;

    @Import(
            name = "principal",
            required = true
    )
    private final Output<String> principal;

    @Import(
            name = "privileges",
            required = true
    )
    private final Output<List<String>> privileges;

    private GrantArgs(Builder builder) {
        Bindings.exactlyOne("GrantArgs", List.of("catalog", "schema"), builder.catalog, builder.schema);
        this.catalog = builder.catalog;
        this.schema = builder.schema;
        this.principal = Bindings.required(builder.principal, "GrantArgs.principal");
        this.privileges = Bindings.required(builder.privileges, "GrantArgs.privileges");
    }

    /**
     * @return the {@code catalog} input, empty when it is not set
     */
    public Optional<Output<String>> catalog() {
        return Optional.ofNullable(this.catalog);
    }

    /**
     * @return the {@code schema} input, empty when it is not set
     */
    public Optional<Output<String>> schema() {
        return Optional.ofNullable(this.schema);
    }

    /**
     * @return the {@code principal} input
     */
    public Output<String> principal() {
        return this.principal;
    }

    /**
     * @return the {@code privileges} input
     */
    public Output<List<String>> privileges() {
        return this.privileges;
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link GrantArgs}.
     */
    public static final class Builder {
        @Nullable
        private Output<String> catalog;

        @Nullable
        private Output<String> schema;

        @Nullable
        private Output<String> principal;

        @Nullable
        private Output<List<String>> privileges;

        private Builder() {
        }

        /**
         * @param catalog the {@code catalog} input
         * @return this builder
         */
        public Builder catalog(@Nullable Output<String> catalog) {
            this.catalog = catalog;
            return this;
        }

        /**
         * @param catalog the {@code catalog} input
         * @return this builder
         */
        public Builder catalog(String catalog) {
            return catalog(Output.of(catalog));
        }

        /**
         * @param schema the {@code schema} input
         * @return this builder
         */
        public Builder schema(@Nullable Output<String> schema) {
            this.schema = schema;
            return this;
        }

        /**
         * @param schema the {@code schema} input
         * @return this builder
         */
        public Builder schema(String schema) {
            return schema(Output.of(schema));
        }

        /**
         * @param principal the {@code principal} input
         * @return this builder
         */
        public Builder principal(@Nullable Output<String> principal) {
            this.principal = principal;
            return this;
        }

        /**
         * @param principal the {@code principal} input
         * @return this builder
         */
        public Builder principal(String principal) {
            return principal(Output.of(principal));
        }

        /**
         * @param privileges the {@code privileges} input
         * @return this builder
         * @throws IllegalArgumentException when the value is not every value matching [A-Z][A-Z_]*
         */
        public Builder privileges(List<String> privileges) {
            this.privileges = Output.of(Bindings.matching(List.copyOf(privileges), "GrantArgs.privileges", "[A-Z][A-Z_]*"));
            return this;
        }

        /**
         * @param privileges the {@code privileges} input
         * @return this builder
         */
        public Builder privileges(String... privileges) {
            return privileges(List.of(privileges));
        }

        /**
         * @return the inputs
         * @throws IllegalArgumentException when a required input is missing or the exactly-one rule is broken
         */
        public GrantArgs build() {
            return new GrantArgs(this);
        }
    }
}
