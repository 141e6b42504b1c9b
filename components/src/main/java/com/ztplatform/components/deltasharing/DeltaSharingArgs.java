package com.ztplatform.components.deltasharing;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.databricks.DatabricksProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Arguments of {@link DeltaSharing}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param provider  the workspace-level provider of a workspace the metastore is assigned to (required)
 * @param naming    prefix and environment (required)
 * @param settings  shares and recipients (required)
 * @param catalogs  the catalogs' names in the metastore by configured name, as
 *                  {@link com.ztplatform.components.unitycatalog.UnityCatalog#catalogNames()} gives them; must hold
 *                  the sharing catalog ({@link DeltaSharingSettings#SHARING_CATALOG}) when there are shares. Default:
 *                  none
 * @param dependsOn what the shares wait for (the catalogs, so their tables can exist). Default: none
 */
public record DeltaSharingArgs(DatabricksProvider provider, Naming naming, DeltaSharingSettings settings,
                               Map<String, Output<String>> catalogs, List<Resource> dependsOn) {

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param provider  the workspace provider (required)
     * @param naming    prefix and environment (required)
     * @param settings  shares and recipients (required)
     * @param catalogs  catalog names by configured name (not null)
     * @param dependsOn what the shares wait for
     */
    public DeltaSharingArgs {
        catalogs = Map.copyOf(Objects.requireNonNull(catalogs, "catalogs"));
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (provider == null) {
            problems.add("provider is required: a workspace provider, like DatabricksProvider.workspace(...) of the "
                    + "admin workspace");
        }
        Placement.naming(problems, naming);
        if (settings == null) {
            problems.add("settings is required: a DeltaSharingSettings, like the stack's deltaSharing section");
        } else {
            problems.addAll(settings.problems("settings", catalogs.keySet()));
            if (!settings.shares().isEmpty() && !catalogs.containsKey(DeltaSharingSettings.SHARING_CATALOG)) {
                problems.add("catalogs must name the sharing catalog '" + DeltaSharingSettings.SHARING_CATALOG + "', "
                        + "like Map.of(\"sharing\", unityCatalog.catalogNames().get(\"sharing\")): shares hold its tables");
            }
        }
        return problems;
    }

    /** Builds {@link DeltaSharingArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private DatabricksProvider provider;
        private Naming naming;
        private DeltaSharingSettings settings;
        private Map<String, Output<String>> catalogs = Map.of();
        private List<Resource> dependsOn = List.of();

        private Builder() {
        }

        /**
         * @param value the workspace provider (required)
         * @return this builder
         */
        public Builder provider(DatabricksProvider value) { this.provider = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value the settings (required)
         * @return this builder
         */
        public Builder settings(DeltaSharingSettings value) { this.settings = value; return this; }
        /**
         * @param value catalog names by configured name; default none
         * @return this builder
         */
        public Builder catalogs(Map<String, Output<String>> value) { this.catalogs = value; return this; }
        /**
         * @param value what the shares wait for; default none
         * @return this builder
         */
        public Builder dependsOn(List<Resource> value) { this.dependsOn = value; return this; }

        /** @return the arguments, unchecked (the component checks them) */
        public DeltaSharingArgs build() {
            return new DeltaSharingArgs(provider, naming, settings, catalogs, dependsOn);
        }
    }
}
