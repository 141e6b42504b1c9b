package com.ztplatform.stack;

import com.ztplatform.components.deltasharing.DeltaSharing;
import com.ztplatform.components.lake.LakeStorage;
import com.ztplatform.components.lake.SharingStorage;
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
 * Unity Catalog and Delta Sharing composed by the stack program over the stack's own data lake, with the sharing
 * account beside it when sharing has recipients.
 */
class GovernedDataCompositionTest {
    private static final String P = "zt-databricks";
    private static final String ACCOUNT = "7d1e6a2c-3b4f-4e8a-9c0d-1f2e3a4b5c6d";

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
        config.put(P + ":dataLake", "{\"containers\":[\"sales\"]}");
        config.put(P + ":deltaSharing", "{\"tokenLifetimeDays\":30,\"shares\":[{\"name\":\"sales_partners\","
                + "\"tables\":[\"sharing.orders.daily\"],\"recipients\":[\"acme\",\"globex\"]}],\"recipients\":["
                + "{\"name\":\"acme\",\"authenticationType\":\"DATABRICKS\",\"sharingIdentifier\":"
                + "\"azure:northeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9\",\"storageNetworks\":[\"20.61.12.16/28\"],"
                + "\"approval\":\"CHG-1001\"},"
                + "{\"name\":\"globex\",\"authenticationType\":\"TOKEN\",\"ipAccessList\":[\"52.174.10.5\","
                + "\"20.61.12.16/28\"],\"approval\":\"CHG-1002\"}]}");
        return config;
    }

    private static Plan plan(Map<String, String> config, Optional<LakeStorage> lake) {
        var stackConfig = StackConfigLoader.load(P, new MapConfigSource(config));
        return PlanRunner.run(new PlanRunner.StackInput(P, "test", Map.of(), Set.of()), new AzureMocks(),
                ctx -> lake.ifPresentOrElse(l -> PlatformProgram.compose(ctx, stackConfig, l),
                        () -> PlatformProgram.compose(ctx, stackConfig)));
    }

    @Test
    void withALakeTheStackGovernsItAndSharesItFromTheSharingAccountInProd() {
        var plan = plan(config("prod"), Optional.empty());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType(UnityCatalog.TYPE)).hasSize(1);
        assertThat(plan.ofType(DeltaSharing.TYPE)).hasSize(1);
        assertThat(plan.ofType(SharingStorage.TYPE)).hasSize(1);
        // One account provider, shared by serverless egress and the metastore.
        assertThat(plan.ofType("pulumi:providers:databricks")).filteredOn(p -> p.inputString("host")
                .orElse("").equals(DatabricksProvider.ACCOUNTS_HOST)).hasSize(1);
        var metastore = plan.ofType(Metastore.TYPE).get(0);
        assertThat(metastore.inputString("deltaSharingScope")).hasValue("INTERNAL_AND_EXTERNAL");
        assertThat(metastore.input("deltaSharingRecipientTokenLifetimeInSeconds").orElseThrow().getAsInt())
                .isEqualTo(30 * 86_400);
        assertThat(plan.ofType(MetastoreAssignment.TYPE)).hasSize(2);
        assertThat(plan.ofType(StorageCredential.TYPE).get(0).inputString("azureManagedIdentity.accessConnectorId"))
                .hasValue(plan.named("lake-access-connector").id());
        assertThat(plan.ofType(Catalog.TYPE)).extracting(Plan.PlanResource::id).containsExactly("prod_sales",
                "prod_sharing");
        var sharingAccount = plan.named("sharing-account");
        assertThat(plan.named("unity-catalog-catalog-sharing").inputString("storageRoot").orElseThrow())
                .startsWith("abfss://sharing@" + sharingAccount.inputString("accountName").orElseThrow() + ".dfs");
        // The sales catalog bound to its one workspace, the sharing catalog to both; the credential and both
        // locations (sales, sharing) to both workspaces.
        assertThat(plan.ofType(WorkspaceBinding.TYPE)).filteredOn(b -> b.inputString("securableType").orElseThrow()
                .equals("catalog")).hasSize(1 + 2);
        assertThat(plan.ofType(WorkspaceBinding.TYPE)).hasSize(1 + 2 + 2 * (1 + 2));
        assertThat(plan.ofType(Recipient.TYPE)).extracting(Plan.PlanResource::id).containsExactly("prod_acme", "prod_globex");
        assertThat(plan.named("delta-sharing-recipient-globex").input("ipAccessList.allowedIpAddresses").orElseThrow()
                .toString()).isEqualTo("[\"52.174.10.5\",\"20.61.12.16/28\"]");
        // The sharing account admits the union of the recipients' networks, nothing else.
        assertThat(sharingAccount.input("networkRuleSet.ipRules").orElseThrow().toString()).isEqualTo(
                "[{\"action\":\"Allow\",\"iPAddressOrRange\":\"20.61.12.16/28\"},"
                        + "{\"action\":\"Allow\",\"iPAddressOrRange\":\"52.174.10.5\"}]");
        // Serverless reaches it through NCC private endpoint rules, like the lake.
        var sharingName = sharingAccount.inputString("accountName").orElseThrow();
        assertThat(plan.named("serverless-pe-" + sharingName + "-dfs").urn()).isNotNull();
        assertThat(plan.named("serverless-pe-" + sharingName + "-blob").urn()).isNotNull();
        // No recipient credential anywhere: not in resources, not in the stack outputs.
        assertThat(plan.toJson()).doesNotContain("retrieve_config", "activationUrl\":\"https");
        assertThat(plan.outputs().toString()).doesNotContainIgnoringCase("activation").doesNotContainIgnoringCase("token");
    }

    /** Sharing on or off, the lake's firewall is the same: deny, no IP or virtual network rule, the connector only. */
    @Test
    void theLakeStaysClosedWithSharingOn() {
        var off = config("prod");
        off.put(P + ":deltaSharing", "{\"enabled\":false}");
        var closed = plan(off, Optional.empty());
        var open = plan(config("prod"), Optional.empty());
        assertThat(closed.ofType(SharingStorage.TYPE)).isEmpty();
        var lakeOff = closed.named("lake-account");
        var lakeOn = open.named("lake-account");
        assertThat(lakeOn.input("networkRuleSet")).isEqualTo(lakeOff.input("networkRuleSet"));
        assertThat(lakeOn.input("publicNetworkAccess")).isEqualTo(lakeOff.input("publicNetworkAccess"));
        assertThat(lakeOn.input("networkRuleSet.ipRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(lakeOn.input("networkRuleSet.virtualNetworkRules").orElseThrow().getAsJsonArray()).isEmpty();
        assertThat(lakeOn.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
        assertThat(lakeOn.inputString("networkRuleSet.bypass")).hasValue("None");
    }

    @Test
    void withoutALakeNothingIsComposedAndTheStackSaysWhy() {
        var config = config("prod");
        config.remove(P + ":dataLake");
        config.put(P + ":deltaSharing", "{\"enabled\":false}");
        var plan = plan(config, Optional.empty());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType(UnityCatalog.TYPE)).isEmpty();
        assertThat(plan.resources()).noneMatch(r -> r.type().equals(Metastore.TYPE) || r.type().equals(Recipient.TYPE));
        assertThat(plan.diagnostics()).anySatisfy(d -> assertThat(d).contains("unityCatalog is configured but the "
                + "stack has no data lake"));
    }

    @Test
    void sharingIsOffInDevUnlessEnabled() {
        var config = config("dev");
        var loaded = StackConfigLoader.load(P, new MapConfigSource(config));
        assertThat(loaded.deltaSharing().orElseThrow().enabled()).isFalse();
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w).contains("is off in dev"));
        var plan = plan(config, Optional.empty());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.ofType(DeltaSharing.TYPE)).isEmpty();
        assertThat(plan.ofType(SharingStorage.TYPE)).isEmpty();
        assertThat(plan.ofType(Catalog.TYPE)).extracting(Plan.PlanResource::id).containsExactly("dev_sales");
        assertThat(plan.ofType(Metastore.TYPE).get(0).inputString("deltaSharingScope")).hasValue("INTERNAL");
        config.put(P + ":deltaSharing", config.get(P + ":deltaSharing").replace("{\"tokenLifetimeDays\"",
                "{\"enabled\":true,\"tokenLifetimeDays\""));
        var enabled = plan(config, Optional.empty());
        assertThat(enabled.ofType(Recipient.TYPE)).hasSize(2);
        assertThat(enabled.ofType(SharingStorage.TYPE)).hasSize(1);
    }

    /**
     * Storage IP rules do not apply to requests from the account's own region, so a partner metastore in the stack's
     * region could never be admitted by its egress addresses; recipients also need the stack's own lake.
     */
    @Test
    void sameRegionRecipientsAndRecipientsWithoutTheStacksLakeAreRefused() {
        var config = config("prod");
        config.put(P + ":deltaSharing", config.get(P + ":deltaSharing").replace("azure:northeurope:",
                "azure:westeurope:"));
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(config))).problems()).containsExactly(
                "zt-databricks:deltaSharing.recipients[0] 'acme' is a metastore in this stack's region (westeurope): "
                        + "Azure Storage IP rules do not apply to requests from the account's own region, so its "
                        + "storageNetworks could never admit it. Share from a stack in another region, or have the "
                        + "partner read from a metastore outside westeurope, like azure:northeurope:<uuid>");
        var noLake = config("prod");
        noLake.remove(P + ":dataLake");
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(noLake))).problems()).containsExactly(
                "zt-databricks:deltaSharing.recipients need the stack's own data lake (dataLake): the sharing account "
                        + "takes the lake's resource group, key and access connector; add dataLake, like {containers: "
                        + "[bronze, silver, gold]}");
    }

    @Test
    void storageNetworksFollowAzureStorageIpRules() {
        var config = config("prod");
        config.put(P + ":deltaSharing", config.get(P + ":deltaSharing").replace("\"storageNetworks\":[\"20.61.12.16/28\"]",
                "\"storageNetworks\":[\"192.168.1.0/24\",\"20.61.12.17/32\"]"));
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> StackConfigLoader.load(P, new MapConfigSource(config))).problems()).containsExactly(
                "zt-databricks:deltaSharing.recipients[0].storageNetworks[0] '192.168.1.0/24' overlaps the private "
                        + "range 192.168.0.0/16: the storage firewall admits only public internet addresses, like "
                        + "20.61.12.17 or 20.61.12.16/28",
                "zt-databricks:deltaSharing.recipients[0].storageNetworks[1] '20.61.12.17/32': the storage firewall "
                        + "does not take /31 or /32 ranges; give each address alone, without a prefix, like 20.61.12.17");
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
                "zt-databricks:deltaSharing.recipients[1].ipAccessList is required for an open (TOKEN) recipient: the "
                        + "public addresses it reads from, enforced by Databricks on the token and by the sharing "
                        + "account's firewall on the files, like [20.61.12.16/28]",
                "zt-databricks:deltaSharing.recipients[1] is an open (TOKEN) recipient: "
                        + "zt-databricks:deltaSharing.tokenLifetimeDays is required, so its bearer token expires, like 30");
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
