package com.ztplatform.components.unitycatalog;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ztplatform.components.common.Problems;
import com.ztplatform.databricks.Catalog;
import com.ztplatform.databricks.CatalogArgs;
import com.ztplatform.databricks.ExternalLocation;
import com.ztplatform.databricks.ExternalLocationArgs;
import com.ztplatform.databricks.Grant;
import com.ztplatform.databricks.GrantArgs;
import com.ztplatform.databricks.Metastore;
import com.ztplatform.databricks.MetastoreArgs;
import com.ztplatform.databricks.MetastoreAssignment;
import com.ztplatform.databricks.MetastoreAssignmentArgs;
import com.ztplatform.databricks.Schema;
import com.ztplatform.databricks.SchemaArgs;
import com.ztplatform.databricks.StorageCredential;
import com.ztplatform.databricks.StorageCredentialArgs;
import com.ztplatform.databricks.StorageCredentialAzureManagedIdentityArgs;
import com.ztplatform.databricks.WorkspaceBinding;
import com.ztplatform.databricks.WorkspaceBindingArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unity Catalog over a governed lake ({@link com.ztplatform.components.lake.LakeStorage}): the region's metastore
 * (created, or an existing one), assigned to every workload workspace; a storage credential on the lake's access
 * connector (its user-assigned identity); one external location per lake container; the environment's catalogs,
 * {@value UnityCatalogSettings#ISOLATION_MODE} and bound to their workspaces, with their managed storage in the lake;
 * schemas; and grants to the groups the settings name, one {@code databricks:Grant} per principal and securable
 * (authoritative for that principal: privileges it was given by hand are removed on the next deployment). Not the
 * whole-securable {@code databricks:Grants}: that would revoke the landing job's own {@code Grant}s on a catalog
 * the landing reads from (the two resources must not manage one securable). Nothing is granted to
 * {@code account users} unless the settings say so explicitly.
 *
 * <p>Account-level objects (metastore, assignments) go through the account provider; the metastore's objects through
 * the admin workspace's provider, after the metastore is assigned to it. Catalog isolation and bindings:
 * https://learn.microsoft.com/azure/databricks/catalogs/binding; a storage credential on an access connector with a
 * user-assigned identity: https://learn.microsoft.com/azure/databricks/connect/unity-catalog/cloud-storage/azure-managed-identities.
 */
public class UnityCatalog extends ComponentResource {
    /** The Pulumi type token of this component, as it appears in plans and state. */
    public static final String TYPE = "ztplatform:unitycatalog:UnityCatalog";

    private final Output<String> metastoreId;
    private final Map<String, Output<String>> catalogNames = new LinkedHashMap<>();
    private final List<Resource> catalogs = new ArrayList<>();
    private final Map<String, Output<String>> externalLocations = new LinkedHashMap<>();

    /**
     * @param name    logical name
     * @param args    arguments, checked all at once
     * @param options component options
     */
    public UnityCatalog(String name, UnityCatalogArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("UnityCatalog", name, args.problems());
        var settings = args.settings();
        var naming = args.naming();
        var protect = args.common().protect();
        var account = CustomResourceOptions.builder().parent(this).provider(args.accountProvider()).build();

        if (settings.createsMetastore()) {
            var metastore = MetastoreArgs.builder()
                    .name(UnityCatalogSettings.metastoreName(naming.prefix(), args.region()))
                    .region(args.region())
                    .deltaSharingScope(args.externalSharing() ? "INTERNAL_AND_EXTERNAL" : "INTERNAL");
            args.tokenLifetimeSeconds().ifPresent(metastore::deltaSharingRecipientTokenLifetimeInSeconds);
            this.metastoreId = new Metastore(name + "-metastore", metastore.build(), CustomResourceOptions.builder()
                    .parent(this).provider(args.accountProvider()).protect(protect).build()).metastoreId();
        } else {
            this.metastoreId = Output.of(settings.existingMetastoreId().orElseThrow());
        }
        var assignments = new LinkedHashMap<String, MetastoreAssignment>();
        for (var workspace : args.workspaces()) {
            assignments.put(workspace.name(), new MetastoreAssignment(name + "-assign-" + workspace.name(),
                    MetastoreAssignmentArgs.builder().metastoreId(metastoreId).workspaceId(workspace.workspaceId())
                            .build(), account));
        }
        var admin = args.admin();
        var inMetastore = CustomResourceOptions.builder().parent(this).provider(admin.provider())
                .dependsOn(assignments.get(admin.name())).build();
        var lake = args.lake();
        // Databricks checks a credential and a location by using them when it creates them: they wait for the
        // containers and for the identity's role on the lake (RBAC can take minutes to apply after that).
        var waitForLake = new java.util.ArrayList<Resource>();
        waitForLake.add(assignments.get(admin.name()));
        waitForLake.addAll(lake.dataReady());
        var onLake = CustomResourceOptions.builder().parent(this).provider(admin.provider()).dependsOn(waitForLake).build();

        var credentialName = UnityCatalogSettings.storageCredentialName(naming.prefix(), naming.environment());
        var credential = new StorageCredential(name + "-credential", StorageCredentialArgs.builder()
                .name(credentialName)
                .azureManagedIdentity(StorageCredentialAzureManagedIdentityArgs.builder()
                        .accessConnectorId(lake.accessConnectorId())
                        .managedIdentityId(lake.accessConnectorIdentityId())
                        .build())
                .comment("The lake's access connector (user-assigned identity) for " + naming.environment())
                .isolationMode(UnityCatalogSettings.STORAGE_ISOLATION_MODE)
                .build(), onLake);
        bindToEveryWorkspace(name + "-bind-credential", credential.id(), "storage_credential", args.workspaces(),
                assignments, admin);
        // The provider's id of a credential, location, catalog is its name: ids carry the dependency.
        var locations = new LinkedHashMap<String, ExternalLocation>();
        for (var container : lake.containers()) {
            var location = new ExternalLocation(name + "-location-" + container, ExternalLocationArgs.builder()
                    .name(UnityCatalogSettings.externalLocationName(naming.prefix(), naming.environment(), container))
                    .url(lake.containerUrl(container))
                    .credentialName(credential.id())
                    .comment("Lake container " + container)
                    .isolationMode(UnityCatalogSettings.STORAGE_ISOLATION_MODE)
                    .build(), onLake);
            bindToEveryWorkspace(name + "-bind-location-" + container, location.id(), "external_location",
                    args.workspaces(), assignments, admin);
            locations.put(container, location);
            externalLocations.put(container, location.id());
        }

        for (var spec : settings.catalogs()) {
            var fullName = UnityCatalogSettings.catalogName(naming.environment(), spec.name());
            var container = spec.containerOrDefault();
            var catalog = new Catalog(name + "-catalog-" + spec.name(), CatalogArgs.builder()
                    .name(fullName)
                    .comment("Catalog " + spec.name() + " of " + naming.environment())
                    .isolationMode(UnityCatalogSettings.ISOLATION_MODE)
                    .storageRoot(lake.containerUrl(container).applyValue(url -> url + fullName))
                    .build(), CustomResourceOptions.builder().parent(this).provider(admin.provider()).protect(protect)
                    .dependsOn(List.of(assignments.get(admin.name()), locations.get(container))).build());
            catalogs.add(catalog);
            catalogNames.put(spec.name(), catalog.id());
            var bound = spec.workspaces().isEmpty() ? args.workspaces().stream().map(UnityCatalogArgs.Workspace::name).toList()
                    : spec.workspaces();
            for (var workspace : args.workspaces()) {
                if (bound.contains(workspace.name())) {
                    new WorkspaceBinding(name + "-bind-" + spec.name() + "-" + workspace.name(), WorkspaceBindingArgs.builder()
                            .securableName(catalog.id())
                            .securableType("catalog")
                            .bindingType("BINDING_TYPE_READ_WRITE")
                            .workspaceId(workspace.workspaceId())
                            .build(), CustomResourceOptions.builder().parent(this).provider(admin.provider())
                            .dependsOn(assignments.get(workspace.name())).build());
                }
            }
            for (var grant : spec.grants()) {
                new Grant(name + "-grant-" + spec.name() + "-" + grant.principal(), GrantArgs.builder()
                        .catalog(catalog.id()).principal(grant.principal()).privileges(grant.privileges()).build(),
                        inMetastore);
            }
            for (var schemaSpec : spec.schemas()) {
                var schema = new Schema(name + "-schema-" + spec.name() + "-" + schemaSpec.name(), SchemaArgs.builder()
                        .name(schemaSpec.name())
                        .catalogName(catalog.id())
                        .comment("Schema " + schemaSpec.name() + " of " + fullName)
                        .build(), CustomResourceOptions.builder().parent(this).provider(admin.provider())
                        .protect(protect).build());
                for (var grant : schemaSpec.grants()) {
                    new Grant(name + "-grant-" + spec.name() + "-" + schemaSpec.name() + "-" + grant.principal(),
                            GrantArgs.builder().schema(schema.id()).principal(grant.principal())
                                    .privileges(grant.privileges()).build(), inMetastore);
                }
            }
        }
        args.sharing().ifPresent(sharing -> sharingCatalog(name, args, sharing, credential.id(), assignments));
        registerOutputs(Map.of("metastoreId", metastoreId));
    }

    /**
     * The Delta Sharing catalog: an external location on the sharing account's container (isolated, bound to every
     * workspace like the lake's) and the {@code <environment>_sharing} catalog with its managed storage there
     * (isolated, bound to every workspace), so the tables published for partners are written to the account whose
     * firewall admits the recipients, never to the lake.
     */
    private void sharingCatalog(String name, UnityCatalogArgs args, UnityCatalogArgs.Sharing sharing,
                                Output<String> credentialName, Map<String, MetastoreAssignment> assignments) {
        var naming = args.naming();
        var admin = args.admin();
        var wait = new ArrayList<Resource>();
        wait.add(assignments.get(admin.name()));
        wait.addAll(sharing.dataReady());
        var location = new ExternalLocation(name + "-location-sharing", ExternalLocationArgs.builder()
                .name(UnityCatalogSettings.externalLocationName(naming.prefix(), naming.environment(),
                        UnityCatalogSettings.SHARING_CATALOG))
                .url(sharing.containerUrl())
                .credentialName(credentialName)
                .comment("Delta Sharing account: tables published to recipients")
                .isolationMode(UnityCatalogSettings.STORAGE_ISOLATION_MODE)
                .build(), CustomResourceOptions.builder().parent(this).provider(admin.provider()).dependsOn(wait).build());
        bindToEveryWorkspace(name + "-bind-location-sharing", location.id(), "external_location", args.workspaces(),
                assignments, admin);
        externalLocations.put(UnityCatalogSettings.SHARING_CATALOG, location.id());
        var fullName = UnityCatalogSettings.catalogName(naming.environment(), UnityCatalogSettings.SHARING_CATALOG);
        var catalog = new Catalog(name + "-catalog-sharing", CatalogArgs.builder()
                .name(fullName)
                .comment("Delta Sharing catalog of " + naming.environment() + ": only its tables may be shared")
                .isolationMode(UnityCatalogSettings.ISOLATION_MODE)
                .storageRoot(sharing.containerUrl().applyValue(url -> url + fullName))
                .build(), CustomResourceOptions.builder().parent(this).provider(admin.provider())
                .protect(args.common().protect()).dependsOn(List.of(assignments.get(admin.name()), location)).build());
        catalogs.add(catalog);
        catalogNames.put(UnityCatalogSettings.SHARING_CATALOG, catalog.id());
        for (var workspace : args.workspaces()) {
            new WorkspaceBinding(name + "-bind-sharing-" + workspace.name(), WorkspaceBindingArgs.builder()
                    .securableName(catalog.id())
                    .securableType("catalog")
                    .bindingType("BINDING_TYPE_READ_WRITE")
                    .workspaceId(workspace.workspaceId())
                    .build(), CustomResourceOptions.builder().parent(this).provider(admin.provider())
                    .dependsOn(assignments.get(workspace.name())).build());
        }
    }

    /**
     * Binds an isolated credential or location to every workload workspace of this environment (an isolated
     * securable is usable only from its bound workspaces; the creating workspace is bound automatically).
     */
    private void bindToEveryWorkspace(String logicalName, Output<String> securable, String securableType,
                                      List<UnityCatalogArgs.Workspace> workspaces,
                                      Map<String, MetastoreAssignment> assignments, UnityCatalogArgs.Workspace admin) {
        for (var workspace : workspaces) {
            new WorkspaceBinding(logicalName + "-" + workspace.name(), WorkspaceBindingArgs.builder()
                    .securableName(securable)
                    .securableType(securableType)
                    .bindingType("BINDING_TYPE_READ_WRITE")
                    .workspaceId(workspace.workspaceId())
                    .build(), CustomResourceOptions.builder().parent(this).provider(admin.provider())
                    .dependsOn(assignments.get(workspace.name())).build());
        }
    }

    /**
     * The metastore's id: the one created here or {@code existingMetastoreId}.
     *
     * @return the metastore id (a UUID)
     */
    public Output<String> metastoreId() {
        return metastoreId;
    }

    /**
     * The catalogs' names in the metastore (like {@code dev_sales}) by their configured names (like {@code sales}).
     *
     * @return configured catalog name to the catalog's name in the metastore
     */
    public Map<String, Output<String>> catalogNames() {
        return Map.copyOf(catalogNames);
    }

    /**
     * The catalog resources, for what must wait for them (shares of their tables).
     *
     * @return the catalog resources
     */
    public List<Resource> catalogs() {
        return List.copyOf(catalogs);
    }

    /**
     * The external locations' names by lake container.
     *
     * @return lake container name to the external location's name, like bronze to ztp_dev_bronze
     */
    public Map<String, Output<String>> externalLocations() {
        return Map.copyOf(externalLocations);
    }
}
