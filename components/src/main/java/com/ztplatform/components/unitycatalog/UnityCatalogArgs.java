package com.ztplatform.components.unitycatalog;

import com.ztplatform.components.common.Placement;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.lake.LakeStorage;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.databricks.DatabricksProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link UnityCatalog}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param accountProvider     an account-level Databricks provider: creates the metastore and assigns it (required)
 * @param region              the workspaces' region, like westeurope: the metastore's region (required)
 * @param naming              prefix and environment (required)
 * @param lake                the governed lake: account, containers, access connector (required)
 * @param settings            metastore reuse, catalogs, schemas, grants (required)
 * @param workspaces          every workload workspace: the metastore is assigned to each, catalogs bind to them
 *                            (required, at least one)
 * @param adminWorkspace      the workspace whose provider creates the metastore-level objects (credential, external
 *                            locations, catalogs, grants). Default: the first of {@code workspaces}
 * @param externalSharing     whether a metastore this stack creates allows Delta Sharing outside the account
 *                            ({@code deltaSharingScope} INTERNAL_AND_EXTERNAL). Default: {@code false} (INTERNAL)
 * @param tokenLifetimeSeconds the lifetime of open recipients' tokens, set on a metastore this stack creates (only
 *                            with {@code externalSharing}). Default: none
 * @param common              protect. Default: {@link CommonOptions#defaults()}
 * @param sharing             the Delta Sharing storage: when set, an external location on its container and the
 *                            {@code <environment>_sharing} catalog with its storage root there, isolated and bound to
 *                            every workspace. Default: none
 */
public record UnityCatalogArgs(DatabricksProvider accountProvider, String region, Naming naming, LakeStorage lake,
                               UnityCatalogSettings settings, List<Workspace> workspaces, Optional<String> adminWorkspace,
                               boolean externalSharing, Optional<Integer> tokenLifetimeSeconds, CommonOptions common,
                               Optional<Sharing> sharing) {

    /**
     * The Delta Sharing account's container, as Unity Catalog needs it.
     *
     * @param containerUrl the {@code abfss://sharing@<account>.dfs.core.windows.net/} URL
     * @param dataReady    what the external location waits for (the container, the access connector's data role)
     */
    public record Sharing(Output<String> containerUrl, List<Resource> dataReady) {
        /**
         * Copies the list.
         *
         * @param containerUrl the container's URL
         * @param dataReady    what the location waits for
         */
        public Sharing {
            Objects.requireNonNull(containerUrl, "containerUrl");
            dataReady = List.copyOf(dataReady);
        }
    }

    /**
     * A workload workspace: its spoke name, numeric workspace id and workspace-level provider.
     *
     * @param name        the spoke's name, like analytics
     * @param workspaceId the numeric workspace id (the number in its URL)
     * @param provider    a workspace-level provider for it
     */
    public record Workspace(String name, Output<String> workspaceId, DatabricksProvider provider) {
    }

    /**
     * The canonical constructor; prefer {@link #builder()}, which applies the documented defaults.
     *
     * @param accountProvider      an account-level Databricks provider (required)
     * @param region               the workspaces' region, like westeurope (required)
     * @param naming               prefix and environment (required)
     * @param lake                 the governed lake (required)
     * @param settings             metastore reuse, catalogs, schemas, grants (required)
     * @param workspaces           every workload workspace (required, at least one)
     * @param adminWorkspace       the admin workspace's name, or empty for the first workspace (not null)
     * @param externalSharing      whether a created metastore allows external Delta Sharing
     * @param tokenLifetimeSeconds open recipients' token lifetime, or empty (not null)
     * @param common               protect (not null)
     * @param sharing              the Delta Sharing storage, or empty (not null)
     */
    public UnityCatalogArgs {
        workspaces = List.copyOf(workspaces);
        Objects.requireNonNull(adminWorkspace, "adminWorkspace");
        Objects.requireNonNull(tokenLifetimeSeconds, "tokenLifetimeSeconds");
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(sharing, "sharing");
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
     * The workspace that creates the metastore-level objects.
     *
     * @return the named admin workspace, or the first workspace when none is named (or the name matches none)
     */
    public Workspace admin() {
        return adminWorkspace.flatMap(n -> workspaces.stream().filter(w -> w.name().equals(n)).findFirst())
                .orElse(workspaces.get(0));
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (accountProvider == null) {
            problems.add("accountProvider is required: DatabricksProvider.account(...)");
        }
        if (region == null || region.isBlank()) {
            problems.add("region is required, like westeurope");
        }
        Placement.naming(problems, naming);
        if (lake == null) {
            problems.add("lake is required: a LakeStorage, like the stack's DataLake");
        }
        if (workspaces.isEmpty()) {
            problems.add("workspaces is required: at least one workload workspace, like new Workspace(\"analytics\", "
                    + "spoke.workspaceId(), provider)");
        }
        var names = workspaces.stream().map(Workspace::name).toList();
        adminWorkspace.filter(n -> !names.contains(n)).ifPresent(n -> problems.add("adminWorkspace must be one of "
                + "the workspaces, like " + (names.isEmpty() ? "analytics" : names.get(0)) + ", got '" + n + "'"));
        tokenLifetimeSeconds.filter(s -> s <= 0).ifPresent(s -> problems.add("tokenLifetimeSeconds must be positive, "
                + "like 7776000 (90 days), got " + s));
        if (sharing.isPresent() && lake != null && lake.containers().contains(UnityCatalogSettings.SHARING_CATALOG)) {
            problems.add("lake has a container named '" + UnityCatalogSettings.SHARING_CATALOG + "', whose external "
                    + "location name the sharing account's takes; rename the lake container, like gold");
        }
        if (sharing.isPresent() && !externalSharing) {
            problems.add("sharing applies only with externalSharing(true): the sharing catalog serves external "
                    + "recipients");
        }
        if (tokenLifetimeSeconds.isPresent() && !externalSharing) {
            problems.add("tokenLifetimeSeconds applies only with externalSharing(true): open recipients are external");
        }
        if (settings == null) {
            problems.add("settings is required: a UnityCatalogSettings, like the stack's unityCatalog section "
                    + "({catalogs: [{name: sales}]})");
        } else {
            problems.addAll(settings.problems("settings", names));
            // An ISOLATED catalog stays bound to the workspace that created it (the admin workspace), so a catalog
            // whose configured workspaces leave that one out would still be reachable from it.
            if (!workspaces.isEmpty()) {
                var adminName = admin().name();
                for (int i = 0; i < settings.catalogs().size(); i++) {
                    var bound = settings.catalogs().get(i).workspaces();
                    if (!bound.isEmpty() && !bound.contains(adminName)) {
                        problems.add("settings.catalogs[" + i + "].workspaces must include the admin workspace '"
                                + adminName + "' (it creates the catalog and stays bound to it), like [" + adminName
                                + "], got " + bound);
                    }
                }
            }
            if (lake != null) {
                for (int i = 0; i < settings.catalogs().size(); i++) {
                    var container = settings.catalogs().get(i).containerOrDefault();
                    if (!lake.containers().contains(container)) {
                        problems.add("settings.catalogs[" + i + "].container must be a container of the lake, one of "
                                + String.join(", ", lake.containers()) + ", got '" + container + "'");
                    }
                }
            }
        }
        return problems;
    }

    /** Builds {@link UnityCatalogArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private DatabricksProvider accountProvider;
        private String region;
        private Naming naming;
        private LakeStorage lake;
        private UnityCatalogSettings settings;
        private List<Workspace> workspaces = List.of();
        private Optional<String> adminWorkspace = Optional.empty();
        private boolean externalSharing;
        private Optional<Integer> tokenLifetimeSeconds = Optional.empty();
        private CommonOptions common = CommonOptions.defaults();
        private Optional<Sharing> sharing = Optional.empty();

        private Builder() {
        }

        /**
         * @param value the account-level provider (required)
         * @return this builder
         */
        public Builder accountProvider(DatabricksProvider value) { this.accountProvider = value; return this; }
        /**
         * @param value the region, like westeurope (required)
         * @return this builder
         */
        public Builder region(String value) { this.region = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value the lake (required)
         * @return this builder
         */
        public Builder lake(LakeStorage value) { this.lake = value; return this; }
        /**
         * @param value the settings (required)
         * @return this builder
         */
        public Builder settings(UnityCatalogSettings value) { this.settings = value; return this; }
        /**
         * @param value the workload workspaces (required)
         * @return this builder
         */
        public Builder workspaces(List<Workspace> value) { this.workspaces = value; return this; }
        /**
         * @param value the admin workspace's name; default: the first workspace
         * @return this builder
         */
        public Builder adminWorkspace(String value) { this.adminWorkspace = Optional.ofNullable(value); return this; }
        /**
         * @param value whether a created metastore allows external sharing; default {@code false}
         * @return this builder
         */
        public Builder externalSharing(boolean value) { this.externalSharing = value; return this; }
        /**
         * @param value the open-recipient token lifetime; default: none
         * @return this builder
         */
        public Builder tokenLifetimeSeconds(Integer value) { this.tokenLifetimeSeconds = Optional.ofNullable(value); return this; }
        /**
         * @param value common options; default {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }
        /**
         * @param value the Delta Sharing storage; default: none
         * @return this builder
         */
        public Builder sharing(Sharing value) { this.sharing = Optional.ofNullable(value); return this; }

        /** @return the arguments, unchecked (the component checks them) */
        public UnityCatalogArgs build() {
            return new UnityCatalogArgs(accountProvider, region, naming, lake, settings, workspaces, adminWorkspace,
                    externalSharing, tokenLifetimeSeconds, common, sharing);
        }
    }
}
