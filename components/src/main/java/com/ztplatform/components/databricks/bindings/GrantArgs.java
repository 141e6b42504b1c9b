package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Grant} ({@code databricks:index/grant:Grant}): exactly one securable (catalog, schema, table or
 * volume, by its full name), the principal (a service principal's application id) and its privileges, in the
 * provider's spelling ({@code USE_CATALOG}, {@code USE_SCHEMA}, {@code SELECT}, {@code READ_VOLUME}).
 */
public final class GrantArgs extends ResourceArgs {
    private static final Pattern PRIVILEGE = Pattern.compile("^[A-Z]+(_[A-Z]+)*$");

    @Import(name = "catalog")
    private final @Nullable Output<String> catalog;

    @Import(name = "schema")
    private final @Nullable Output<String> schema;

    @Import(name = "table")
    private final @Nullable Output<String> table;

    @Import(name = "volume")
    private final @Nullable Output<String> volume;

    @Import(name = "principal", required = true)
    private final Output<String> principal;

    @Import(name = "privileges", required = true)
    private final Output<List<String>> privileges;

    private GrantArgs(Builder b) {
        int securables = (b.catalog == null ? 0 : 1) + (b.schema == null ? 0 : 1) + (b.table == null ? 0 : 1)
                + (b.volume == null ? 0 : 1);
        if (securables != 1) {
            throw new IllegalArgumentException("GrantArgs needs exactly one of catalog, schema, table or volume, like "
                    + "table(\"main.sales.orders\"), got " + securables);
        }
        this.catalog = b.catalog;
        this.schema = b.schema;
        this.table = b.table;
        this.volume = b.volume;
        this.principal = Bindings.required(b.principal, "GrantArgs.principal");
        this.privileges = Bindings.required(b.privileges, "GrantArgs.privileges");
    }

    public Optional<Output<String>> catalog() {
        return Optional.ofNullable(catalog);
    }

    public Optional<Output<String>> schema() {
        return Optional.ofNullable(schema);
    }

    public Optional<Output<String>> table() {
        return Optional.ofNullable(table);
    }

    public Optional<Output<String>> volume() {
        return Optional.ofNullable(volume);
    }

    public Output<String> principal() {
        return principal;
    }

    public Output<List<String>> privileges() {
        return privileges;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> catalog;
        private @Nullable Output<String> schema;
        private @Nullable Output<String> table;
        private @Nullable Output<String> volume;
        private @Nullable Output<String> principal;
        private @Nullable Output<List<String>> privileges;

        private Builder() {
        }

        /** A catalog name, like main. */
        public Builder catalog(String catalog) {
            this.catalog = Output.of(catalog);
            return this;
        }

        /** A schema's full name, like main.sales. */
        public Builder schema(String schema) {
            this.schema = Output.of(schema);
            return this;
        }

        /** A table's full name, like main.sales.orders. */
        public Builder table(String table) {
            this.table = Output.of(table);
            return this;
        }

        /** A volume's full name, like main.raw.exports. */
        public Builder volume(String volume) {
            this.volume = Output.of(volume);
            return this;
        }

        public Builder principal(@Nullable Output<String> principal) {
            this.principal = principal;
            return this;
        }

        public Builder principal(String principal) {
            return principal(Output.of(principal));
        }

        /** Privileges in the provider's spelling, like USE_CATALOG. */
        public Builder privileges(List<String> privileges) {
            if (privileges.isEmpty() || !privileges.stream().allMatch(p -> PRIVILEGE.matcher(p).matches())) {
                throw new IllegalArgumentException("GrantArgs.privileges must be privileges like [USE_CATALOG, SELECT] "
                        + "(upper case, underscores), got " + privileges);
            }
            this.privileges = Output.of(List.copyOf(privileges));
            return this;
        }

        public GrantArgs build() {
            return new GrantArgs(this);
        }
    }
}
