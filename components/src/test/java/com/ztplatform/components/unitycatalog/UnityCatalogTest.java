package com.ztplatform.components.unitycatalog;

import com.pulumi.core.Output;
import com.ztplatform.components.lake.FakeLake;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.databricks.Catalog;
import com.ztplatform.databricks.ExternalLocation;
import com.ztplatform.databricks.Grant;
import com.ztplatform.databricks.Metastore;
import com.ztplatform.databricks.MetastoreAssignment;
import com.ztplatform.databricks.Schema;
import com.ztplatform.databricks.StorageCredential;
import com.ztplatform.databricks.WorkspaceBinding;
import com.ztplatform.databricks.DatabricksAzureAuth;
import com.ztplatform.databricks.DatabricksProvider;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnityCatalogTest {
    private static final String ACCOUNT = "7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d";
    private static final String METASTORE = "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";
    static final FakeLake LAKE = new FakeLake("stztdevweulake", List.of("bronze", "sales"));

    static UnityCatalogSettings.GrantSpec grant(String principal, String... privileges) {
        return new UnityCatalogSettings.GrantSpec(principal, List.of(privileges));
    }

    static UnityCatalogSettings settings(Optional<String> existing) {
        return new UnityCatalogSettings(existing, List.of(new UnityCatalogSettings.CatalogSpec("sales", Optional.empty(),
                List.of("analytics"), List.of(grant("data-engineers", "USE_CATALOG", "CREATE_SCHEMA")),
                List.of(new UnityCatalogSettings.SchemaSpec("orders", List.of(grant("analysts", "USE_SCHEMA", "SELECT")))))),
                false);
    }

    private static Plan run(UnityCatalogSettings settings) {
        return run(settings, null);
    }

    private static Plan run(UnityCatalogSettings settings, UnityCatalogArgs.Sharing sharing) {
        return MockRun.run(ctx -> {
            var account = DatabricksProvider.account("acct", Output.of(ACCOUNT), DatabricksAzureAuth.azureCli(), null);
            var workspaces = List.of("analytics", "datasci").stream().map(n -> new UnityCatalogArgs.Workspace(n,
                    Output.of(n.equals("analytics") ? "1111" : "2222"), DatabricksProvider.workspace("ws-" + n,
                            Output.of("adb-" + n + ".azuredatabricks.net"),
                            Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/" + n),
                            DatabricksAzureAuth.azureCli(), null))).toList();
            new UnityCatalog("uc", UnityCatalogArgs.builder().accountProvider(account).region("westeurope")
                    .naming(new Naming("ztp", "dev")).lake(LAKE).settings(settings).workspaces(workspaces)
                    .externalSharing(sharing != null).sharing(sharing).build(), null);
        });
    }

    @Test
    void theSharingCatalogIsIsolatedOnTheSharingAccountAndBoundToEveryWorkspace() {
        var url = "abfss://sharing@ztpdevsharing.dfs.core.windows.net/";
        var plan = run(settings(Optional.empty()), new UnityCatalogArgs.Sharing(Output.of(url), List.of()));
        assertThat(plan.errors()).isEmpty();
        var location = plan.named("uc-location-sharing");
        assertThat(location.id()).isEqualTo("ztp_dev_sharing");
        assertThat(location.inputString("url")).hasValue(url);
        assertThat(location.inputString("credentialName")).hasValue("ztp_dev_lake");
        assertThat(location.inputString("isolationMode")).hasValue("ISOLATION_MODE_ISOLATED");
        var catalog = plan.named("uc-catalog-sharing");
        assertThat(catalog.id()).isEqualTo("dev_sharing");
        assertThat(catalog.inputString("isolationMode")).hasValue("ISOLATED");
        assertThat(catalog.inputString("storageRoot")).hasValue(url + "dev_sharing");
        assertThat(catalog.dependencies()).contains(location.urn());
        assertThat(plan.ofType(WorkspaceBinding.TYPE)).filteredOn(b -> b.name().startsWith("uc-bind-sharing-"))
                .extracting(b -> b.inputString("securableName").orElseThrow() + "@"
                        + b.inputString("workspaceId").orElseThrow()).containsExactly("dev_sharing@1111", "dev_sharing@2222");
        assertThat(plan.ofType(WorkspaceBinding.TYPE)).filteredOn(b -> b.name().startsWith("uc-bind-location-sharing-"))
                .hasSize(2);
        // No lake catalog's storage moves: the sales catalog stays in the lake.
        assertThat(plan.named("uc-catalog-sales").inputString("storageRoot").orElseThrow()).contains("stztdevweulake");
        assertThat(plan.ofType(com.ztplatform.databricks.Metastore.TYPE).get(0).inputString("deltaSharingScope"))
                .hasValue("INTERNAL_AND_EXTERNAL");
    }

    @Test
    void sharingIsReservedAsALakeCatalogName() {
        var reserved = new UnityCatalogSettings(Optional.empty(), List.of(new UnityCatalogSettings.CatalogSpec("sharing",
                Optional.empty(), List.of(), List.of(), List.of())), false);
        assertThat(reserved.problems("unityCatalog", List.of("analytics"))).containsExactly("unityCatalog.catalogs[0]"
                + ".name 'sharing' is reserved for the Delta Sharing catalog the program creates on the sharing "
                + "account; name the lake catalog otherwise, like sales");
    }

    @Test
    void metastoreAssignedEverywhereAndCatalogIsolatedInTheLakeBoundToItsWorkspace() {
        var plan = run(settings(Optional.empty()));
        assertThat(plan.errors()).isEmpty();
        var metastore = plan.ofType(Metastore.TYPE).get(0);
        assertThat(metastore.inputString("name")).hasValue("ztp-westeurope");
        assertThat(metastore.inputString("region")).hasValue("westeurope");
        assertThat(metastore.inputString("deltaSharingScope")).hasValue("INTERNAL");
        assertThat(metastore.provider()).contains("::acct::");
        assertThat(plan.ofType(MetastoreAssignment.TYPE)).extracting(a -> a.inputString("workspaceId").orElseThrow()
                + "@" + a.inputString("metastoreId").orElseThrow()).containsExactly("1111@" + metastore.id(),
                "2222@" + metastore.id());

        var credential = plan.ofType(StorageCredential.TYPE).get(0);
        assertThat(credential.id()).isEqualTo("ztp_dev_lake");
        assertThat(credential.inputString("azureManagedIdentity.accessConnectorId")).hasValue(FakeLake.CONNECTOR);
        assertThat(credential.inputString("azureManagedIdentity.managedIdentityId")).hasValue(FakeLake.IDENTITY);
        assertThat(credential.provider()).contains("::ws-analytics::");
        assertThat(credential.dependencies()).contains(plan.named("uc-assign-analytics").urn());

        assertThat(plan.ofType(ExternalLocation.TYPE)).extracting(l -> l.id() + "=" + l.inputString("url").orElseThrow()
                + " via " + l.inputString("credentialName").orElseThrow()).containsExactly(
                "ztp_dev_bronze=abfss://bronze@stztdevweulake.dfs.core.windows.net/ via ztp_dev_lake",
                "ztp_dev_sales=abfss://sales@stztdevweulake.dfs.core.windows.net/ via ztp_dev_lake");

        var catalog = plan.ofType(Catalog.TYPE).get(0);
        assertThat(catalog.id()).isEqualTo("dev_sales");
        assertThat(catalog.inputString("isolationMode")).hasValue("ISOLATED");
        assertThat(catalog.inputString("storageRoot")).hasValue("abfss://sales@stztdevweulake.dfs.core.windows.net/dev_sales");
        assertThat(catalog.dependencies()).contains(plan.named("uc-location-sales").urn());
        // The catalog is bound to the one workspace configured, not to datasci; the credential and the locations are
        // isolated too and bound to every workload workspace of the environment, so no workspace of another
        // environment on the shared metastore can use them.
        assertThat(plan.ofType(WorkspaceBinding.TYPE)).extracting(Plan.PlanResource::id).containsExactlyInAnyOrder(
                "1111|catalog|dev_sales",
                "1111|storage_credential|ztp_dev_lake", "2222|storage_credential|ztp_dev_lake",
                "1111|external_location|ztp_dev_bronze", "2222|external_location|ztp_dev_bronze",
                "1111|external_location|ztp_dev_sales", "2222|external_location|ztp_dev_sales");
        assertThat(plan.ofType(WorkspaceBinding.TYPE)).allSatisfy(b ->
                assertThat(b.inputString("bindingType")).hasValue("BINDING_TYPE_READ_WRITE"));
        assertThat(credential.inputString("isolationMode")).hasValue("ISOLATION_MODE_ISOLATED");
        assertThat(plan.ofType(ExternalLocation.TYPE)).allSatisfy(l ->
                assertThat(l.inputString("isolationMode")).hasValue("ISOLATION_MODE_ISOLATED"));

        assertThat(plan.ofType(Schema.TYPE)).extracting(Plan.PlanResource::id).containsExactly("dev_sales.orders");
        assertThat(plan.ofType(Grant.TYPE)).extracting(g -> g.inputString("catalog").or(() -> g.inputString("schema"))
                .orElseThrow() + " " + g.inputString("principal").orElseThrow() + " " + g.input("privileges").orElseThrow())
                .containsExactly("dev_sales data-engineers [\"USE_CATALOG\",\"CREATE_SCHEMA\"]",
                        "dev_sales.orders analysts [\"USE_SCHEMA\",\"SELECT\"]");
        assertThat(plan.toJson()).doesNotContainIgnoringCase("account users");
    }

    @Test
    void anExistingMetastoreIsAssignedNotCreated() {
        var plan = run(settings(Optional.of(METASTORE)));
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType(Metastore.TYPE)).isEmpty();
        assertThat(plan.ofType(MetastoreAssignment.TYPE)).extracting(Plan.PlanResource::id)
                .containsExactly("1111|" + METASTORE, "2222|" + METASTORE);
    }

    @Test
    void grantsToEveryoneAreRefusedUnlessAllowedAndEveryErrorHasAnExample() {
        var open = new UnityCatalogSettings(Optional.of("not-a-uuid"), List.of(new UnityCatalogSettings.CatalogSpec("Sales",
                Optional.empty(), List.of("nowhere"), List.of(grant("account users", "SELECT"), grant("g", "READ")),
                List.of(new UnityCatalogSettings.SchemaSpec("s", List.of(grant("g", "USE_CATALOG")))))), false);
        assertThat(open.problems("unityCatalog", List.of("analytics"))).containsExactly(
                "unityCatalog.existingMetastoreId must be a metastore id (a UUID from the account console), like "
                        + "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9, got 'not-a-uuid'",
                "unityCatalog.catalogs[0].name must be 1-63 lowercase letters, digits or '_' starting with a letter, "
                        + "like sales, got 'Sales'",
                "unityCatalog.catalogs[0].workspaces must name workload spokes, one of analytics, got 'nowhere'",
                "unityCatalog.catalogs[0].grants[0].principal 'account users' is everyone in the account: grant to a "
                        + "group, like data-engineers (or set allowAccountUsers: true if everyone really may)",
                "unityCatalog.catalogs[0].grants[1].privileges: 'READ' is not a Unity Catalog privilege; one of "
                        + String.join(", ", UnityCatalogSettings.PRIVILEGES.stream().sorted().toList()),
                "unityCatalog.catalogs[0].schemas[0].grants[0].privileges: USE_CATALOG is granted on the catalog, not "
                        + "a schema; move it to the catalog's grants, like {principal: g, privileges: [USE_CATALOG]}");
        var allowed = new UnityCatalogSettings(Optional.empty(), List.of(new UnityCatalogSettings.CatalogSpec("sales",
                Optional.empty(), List.of(), List.of(grant("account users", "BROWSE")), List.of())), true);
        assertThat(allowed.problems("unityCatalog", List.of("analytics"))).isEmpty();
    }

    @Provide
    Arbitrary<String> everyone() {
        // Any casing of the two groups of everyone.
        return Arbitraries.of("account users", "users").flatMap(name -> Arbitraries.integers().between(0, 1 << 13)
                .map(mask -> {
                    var chars = name.toCharArray();
                    for (int i = 0; i < chars.length; i++) {
                        if ((mask >> i & 1) == 1) {
                            chars[i] = Character.toUpperCase(chars[i]);
                        }
                    }
                    return new String(chars);
                }));
    }

    @Property(tries = 50)
    void everyoneIsRefusedInAnyCasingOnCatalogsAndSchemas(@ForAll("everyone") String principal) {
        var settings = new UnityCatalogSettings(Optional.empty(), List.of(new UnityCatalogSettings.CatalogSpec("sales",
                Optional.empty(), List.of(), List.of(grant(principal, "USE_CATALOG")),
                List.of(new UnityCatalogSettings.SchemaSpec("s", List.of(grant(principal, "SELECT")))))), false);
        assertThat(settings.problems("uc", List.of("analytics"))).hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("is everyone in the account"));
    }

    @Test
    void argsNameMissingFieldsAndAContainerTheLakeLacks() {
        assertThat(UnityCatalogArgs.builder().build().problems()).containsExactly(
                "accountProvider is required: DatabricksProvider.account(...)",
                "region is required, like westeurope",
                "naming is required, like new Naming(\"ztp\", \"dev\")",
                "lake is required: a LakeStorage, like the stack's DataLake",
                "workspaces is required: at least one workload workspace, like new Workspace(\"analytics\", "
                        + "spoke.workspaceId(), provider)",
                "settings is required: a UnityCatalogSettings, like the stack's unityCatalog section "
                        + "({catalogs: [{name: sales}]})");
        var args = UnityCatalogArgs.builder().region("westeurope").naming(new Naming("ztp", "dev")).lake(LAKE)
                .settings(new UnityCatalogSettings(Optional.empty(), List.of(new UnityCatalogSettings.CatalogSpec(
                        "finance", Optional.empty(), List.of(), List.of(), List.of())), false)).build();
        assertThat(args.problems()).contains("settings.catalogs[0].container must be a container of the lake, one of "
                + "bronze, sales, got 'finance'");
        // An ISOLATED catalog stays bound to the workspace that creates it: leaving the admin workspace out of its
        // workspaces would not keep it out.
        var admin = new UnityCatalogArgs.Workspace("analytics", Output.of("1111"), null);
        var other = new UnityCatalogArgs.Workspace("datasci", Output.of("2222"), null);
        var withoutAdmin = UnityCatalogArgs.builder().region("westeurope").naming(new Naming("ztp", "dev")).lake(LAKE)
                .workspaces(List.of(admin, other))
                .settings(new UnityCatalogSettings(Optional.empty(), List.of(new UnityCatalogSettings.CatalogSpec(
                        "sales", Optional.empty(), List.of("datasci"), List.of(), List.of())), false)).build();
        assertThat(withoutAdmin.problems()).contains("settings.catalogs[0].workspaces must include the admin workspace "
                + "'analytics' (it creates the catalog and stays bound to it), like [analytics], got [datasci]");
        assertThat(args.externalSharing()).isFalse();
        assertThat(args.tokenLifetimeSeconds()).isEmpty();
        assertThat(args.adminWorkspace()).isEmpty();
        assertThatThrownBy(() -> MockRun.run(ctx -> new UnityCatalog("uc", args, null)).errors().forEach(e -> {
            throw new IllegalStateException(e);
        })).hasMessageContaining("UnityCatalog 'uc' has");
    }
}
