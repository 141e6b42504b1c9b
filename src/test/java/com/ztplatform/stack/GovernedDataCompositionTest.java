package com.ztplatform.stack;

import com.pulumi.core.Output;
import com.ztplatform.components.deltasharing.DeltaSharing;
import com.ztplatform.components.lake.LakeStorage;
import com.ztplatform.components.offline.AzureMocks;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;
import com.ztplatform.components.unitycatalog.UnityCatalog;
import com.ztplatform.databricks.Catalog;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.databricks.Metastore;
import com.ztplatform.databricks.MetastoreAssignment;
import com.ztplatform.databricks.Recipient;
import com.ztplatform.databricks.StorageCredential;
import com.ztplatform.databricks.WorkspaceBinding;
import com.ztplatform.stack.config.ConfigException;
import com.ztplatform.stack.config.MapConfigSource;
import com.ztplatform.stack.config.StackConfigLoader;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Unity Catalog and Delta Sharing composed by the stack program over a test double of the data lake (the real
 * DataLake is plugged in at PlatformProgram's lake plug).
 */
class GovernedDataCompositionTest {
    private static final String P = "zt-databricks";
    private static final String ACCOUNT = "7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d";
    private static final String CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "rg-ztp-prod-data/providers/Microsoft.Databricks/accessConnectors/dbac-ztp-prod-lake";

    /** The lake as the DataLake component would describe it. */
    record LakeDouble(List<String> containers) implements LakeStorage {
        public Output<String> storageAccountId() {
            return Output.of("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ztp-prod-data/"
                    + "providers/Microsoft.Storage/storageAccounts/stztprodweulake");
        }

        public Output<String> storageAccountName() {
            return Output.of("stztprodweulake");
        }

        public Output<String> containerUrl(String container) {
            return Output.of("abfss://" + container + "@stztprodweulake.dfs.core.windows.net/");
        }

        public Output<String> accessConnectorId() {
            return Output.of(CONNECTOR);
        }

        public Output<String> accessConnectorIdentityId() {
            return Output.of("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ztp-prod-data/"
                    + "providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ztp-prod-uc");
        }
    }

    static Map<String, String> config(String environment) {
        var config = new HashMap<String, String>();
        config.put("azure-native:location", "westeurope");
        config.put(P + ":environment", environment);
        config.put(P + ":namePrefix", "ztp");
        config.put(P + ":tags", "{\"environment\":\"" + environment + "\",\"owner\":\"team@contoso.com\","
                + "\"costCenter\":\"CC-1\",\"dataClassification\":\"confidential\"}");
        config.put(P + ":hub", "{\"addressSpace\":\"10.10.0.0/23\"}");
        config.put(P + ":spokes", "[{\"name\":\"analytics\",\"addressSpace\":\"10.11.0.0/24\"},"
                + "{\"name\":\"datasci\",\"addressSpace\":\"10.12.0.0/24\"}]");
        config.put(P + ":keyVault", "{\"azureDatabricksObjectId\":\"9b38785a-6e08-4087-a0c4-20634343f21f\"}");
        config.put(P + ":serverless", "{\"accountId\":\"" + ACCOUNT + "\"}");
        config.put(P + ":unityCatalog", "{\"catalogs\":[{\"name\":\"sales\",\"workspaces\":[\"analytics\"],"
                + "\"grants\":[{\"principal\":\"data-engineers\",\"privileges\":[\"USE_CATALOG\",\"USE_SCHEMA\"]}],"
                + "\"schemas\":[{\"name\":\"orders\",\"grants\":[{\"principal\":\"analysts\",\"privileges\":[\"SELECT\"]}]}]}]}");
        config.put(P + ":deltaSharing", "{\"tokenLifetimeDays\":30,\"shares\":[{\"name\":\"sales_partners\","
                + "\"tables\":[\"sales.orders.daily\"],\"recipients\":[\"acme\",\"globex\"]}],\"recipients\":["
                + "{\"name\":\"acme\",\"authenticationType\":\"DATABRICKS\",\"sharingIdentifier\":"
                + "\"azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9\",\"approval\":\"CHG-1001\"},"
                + "{\"name\":\"globex\",\"authenticationType\":\"DATABRICKS\",\"sharingIdentifier\":"
                + "\"azure:northeurope:9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\",\"approval\":\"CHG-1002\"}]}");
        return config;
    }

    private static Plan plan(Map<String, String> config, Optional<LakeStorage> lake) {
        var stackConfig = StackConfigLoader.load(P, new MapConfigSource(config));
        return PlanRunner.run(new PlanRunner.StackInput(P, "test", Map.of(), Set.of()), new AzureMocks(),
                ctx -> lake.ifPresentOrElse(l -> PlatformProgram.compose(ctx, stackConfig, l),
                        () -> PlatformProgram.compose(ctx, stackConfig)));
    }

    @Test
    void withALakeTheStackGovernsItAndSharesItInProd() {
        var plan = plan(config("prod"), Optional.of(new LakeDouble(List.of("sales", "raw"))));
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType(UnityCatalog.TYPE)).hasSize(1);
        assertThat(plan.ofType(DeltaSharing.TYPE)).hasSize(1);
        // One account provider, shared by serverless egress and the metastore.
        assertThat(plan.ofType("pulumi:providers:databricks")).filteredOn(p -> p.inputString("host")
                .orElse("").equals(DatabricksProvider.ACCOUNTS_HOST)).hasSize(1);
        var metastore = plan.ofType(Metastore.TYPE).get(0);
        assertThat(metastore.inputString("deltaSharingScope")).hasValue("INTERNAL_AND_EXTERNAL");
        assertThat(metastore.input("deltaSharingRecipientTokenLifetimeInSeconds").orElseThrow().getAsInt())
                .isEqualTo(30 * 86_400);
        assertThat(plan.ofType(MetastoreAssignment.TYPE)).hasSize(2);
        assertThat(plan.ofType(StorageCredential.TYPE).get(0).inputString("azureManagedIdentity.accessConnectorId"))
                .hasValue(CONNECTOR);
        assertThat(plan.ofType(Catalog.TYPE)).extracting(Plan.PlanResource::id).containsExactly("prod_sales");
        // The catalog bound to its one configured workspace; the credential and both locations to both workspaces.
        assertThat(plan.ofType(WorkspaceBinding.TYPE)).filteredOn(b -> b.inputString("securableType").orElseThrow()
                .equals("catalog")).hasSize(1);
        assertThat(plan.ofType(WorkspaceBinding.TYPE)).hasSize(1 + 2 * (1 + 2));
        assertThat(plan.ofType(Recipient.TYPE)).extracting(Plan.PlanResource::id).containsExactly("prod_acme", "prod_globex");
        // No recipient credential anywhere: not in resources, not in the stack outputs.
        assertThat(plan.toJson()).doesNotContain("retrieve_config", "activationUrl\":\"https");
        assertThat(plan.outputs().toString()).doesNotContainIgnoringCase("activation").doesNotContainIgnoringCase("token");
    }

    @Test
    void withoutALakeNothingIsComposedAndTheStackSaysWhy() {
        var plan = plan(config("prod"), Optional.empty());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType(UnityCatalog.TYPE)).isEmpty();
        assertThat(plan.resources()).noneMatch(r -> r.type().equals(Metastore.TYPE) || r.type().equals(Recipient.TYPE));
        assertThat(plan.diagnostics()).anySatisfy(d -> assertThat(d).contains("unityCatalog is configured but the "
                + "stack has no data lake"));
    }

    @Test
    void sharingIsOffInDevUnlessEnabled() {
        var config = config("dev");
        config.put(P + ":tags", config.get(P + ":tags"));
        var loaded = StackConfigLoader.load(P, new MapConfigSource(config));
        assertThat(loaded.deltaSharing().orElseThrow().enabled()).isFalse();
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w).contains("is off in dev"));
        var plan = plan(config, Optional.of(new LakeDouble(List.of("sales"))));
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType(DeltaSharing.TYPE)).isEmpty();
        assertThat(plan.ofType(Metastore.TYPE).get(0).inputString("deltaSharingScope")).hasValue("INTERNAL");
        config.put(P + ":deltaSharing", config.get(P + ":deltaSharing").replace("{\"tokenLifetimeDays\"",
                "{\"enabled\":true,\"tokenLifetimeDays\""));
        assertThat(plan(config, Optional.of(new LakeDouble(List.of("sales")))).ofType(Recipient.TYPE)).hasSize(2);
    }

    /**
     * On the stack's own lake (firewall: access connector only) a Databricks-to-Databricks recipient could be created
     * but never read a file: it downloads them itself through pre-signed URLs. Refused while sharing is on, naming the
     * recipient; shares without recipients and sharing that is off stay accepted.
     */
    @Test
    void recipientsAreRefusedOnTheStacksFirewalledLake() {
        var config = config("prod");
        config.put(P + ":dataLake", "{\"containers\":[\"sales\"]}");
        var problems = catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(config))).problems();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("zt-databricks:deltaSharing.recipients[0] 'acme' (DATABRICKS) cannot "
                + "read from this stack's data lake: a Databricks-to-Databricks recipient's compute downloads the shared "
                + "files directly from the lake's storage through pre-signed URLs").contains("Remove it",
                "recipients: []", "see the README, Delta Sharing");
        assertThat(problems.get(1)).startsWith("zt-databricks:deltaSharing.recipients[1] 'globex' (DATABRICKS)");

        config.put(P + ":deltaSharing", "{\"shares\":[{\"name\":\"sales_partners\",\"tables\":"
                + "[\"sales.orders.daily\"],\"recipients\":[]}]}");
        assertThat(StackConfigLoader.load(P, new MapConfigSource(config)).deltaSharing().orElseThrow().shares())
                .hasSize(1);
        var dev = config("dev");
        dev.put(P + ":dataLake", "{\"containers\":[\"sales\"]}");
        assertThat(StackConfigLoader.load(P, new MapConfigSource(dev)).warnings())
                .anySatisfy(w -> assertThat(w).contains("is off in dev"));
    }

    @Test
    void configProblemsNameTheKeyAndAnExample() {
        var config = config("prod");
        config.put(P + ":unityCatalog", "{\"accountId\":\"11111111-2222-3333-4444-555555555555\",\"catalogs\":[{\"name\":"
                + "\"sales\",\"grants\":[{\"principal\":\"account users\",\"privileges\":[\"SELECT\"]}]}]}");
        config.put(P + ":deltaSharing", "{\"recipients\":[{\"name\":\"open\",\"authenticationType\":\"token\","
                + "\"approval\":\"CHG-1\"},{\"name\":\"bare\",\"authenticationType\":\"TOKEN\",\"approval\":\"CHG-2\"}]}");
        var problems = catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(config))).problems();
        assertThat(problems).containsExactlyInAnyOrder(
                "zt-databricks:unityCatalog.accountId must be the same account as serverless.accountId (" + ACCOUNT
                        + "): one stack, one Databricks account; remove it",
                "zt-databricks:unityCatalog.catalogs[0].grants[0].principal 'account users' is everyone in the account: "
                        + "grant to a group, like data-engineers (or set allowAccountUsers: true if everyone really may)",
                "zt-databricks:deltaSharing.recipients[0].authenticationType must be spelled 'TOKEN' (values are "
                        + "case-sensitive), got 'token'",
                "zt-databricks:deltaSharing.recipients[1].authenticationType TOKEN (open sharing) is refused: an open "
                        + "recipient downloads the shared files directly from the lake's storage through short-lived "
                        + "URLs, and the lake's firewall admits no network (only Unity Catalog's access connector), so "
                        + "the recipient could be created but never read data. Use authenticationType: DATABRICKS with "
                        + "the partner metastore's sharingIdentifier, like "
                        + "azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9 (see the README, Delta Sharing)");
        var landing = config("prod");
        landing.put(P + ":landing", "{\"workspace\":\"datasci\",\"fabricWorkspace\":\"zt-landing\",\"lakehouse\":"
                + "\"mirror\",\"servicePrincipalClientId\":\"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a\","
                + "\"servicePrincipalObjectId\":\"0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d\",\"sources\":["
                + "{\"table\":\"prod_sales.orders.daily\",\"dest\":\"orders\"}]}");
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(landing))).problems()).containsExactly(
                "zt-databricks:landing.sources[0].table 'prod_sales.orders.daily' is in catalog prod_sales, which is "
                        + "ISOLATED and not bound to the landing's workspace datasci: add it to the catalog's workspaces, "
                        + "like [analytics, datasci]");
        var noCatalog = config("prod");
        noCatalog.remove(P + ":unityCatalog");
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(noCatalog))).problems()).contains(
                "zt-databricks:deltaSharing needs zt-databricks:unityCatalog: shares are of its catalogs' tables; add it, "
                        + "like {catalogs: [{name: sales}]}");
    }

    @Test
    void landingTablesComeFromThisStacksCatalogsOrListedExistingOnes() {
        var landingBase = "{\"workspace\":\"analytics\",\"fabricWorkspace\":\"zt-landing\",\"lakehouse\":"
                + "\"mirror\",\"servicePrincipalClientId\":\"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a\","
                + "\"servicePrincipalObjectId\":\"0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d\",";
        var unlisted = config("prod");
        unlisted.put(P + ":landing", landingBase + "\"sources\":[{\"table\":\"prod_sales.orders.daily\",\"dest\":"
                + "\"orders\"},{\"table\":\"main.finance.ledger\",\"dest\":\"ledger\"}]}");
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(unlisted))).problems()).containsExactly(
                "zt-databricks:landing.sources[1].table 'main.finance.ledger' reads catalog main, which is neither one "
                        + "of this stack's catalogs (prod_sales) nor listed in zt-databricks:landing.existingCatalogs: use "
                        + "this stack's catalog, like prod_sales.orders.daily, or add it, like existingCatalogs: [main]");

        var listed = config("prod");
        listed.put(P + ":landing", landingBase + "\"existingCatalogs\":[\"main\"],\"sources\":[{\"table\":"
                + "\"prod_sales.orders.daily\",\"dest\":\"orders\"},{\"table\":\"main.finance.ledger\",\"dest\":"
                + "\"ledger\"}]}");
        assertThat(StackConfigLoader.load(P, new MapConfigSource(listed)).landing().orElseThrow().existingCatalogs())
                .containsExactly("main");

        var badName = config("prod");
        badName.put(P + ":landing", landingBase + "\"existingCatalogs\":[\"Main\"],\"sources\":[{\"table\":"
                + "\"prod_sales.orders.daily\",\"dest\":\"orders\"}]}");
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(badName))).problems()).containsExactly(
                "zt-databricks:landing.existingCatalogs[0] must be a Unity Catalog catalog name (lowercase letters, "
                        + "digits and '_', starting with a letter), like main, got 'Main'");
    }
}
