package com.ztplatform.components.deltasharing;

import com.pulumi.core.Output;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.databricks.DatabricksAzureAuth;
import com.ztplatform.databricks.DatabricksProvider;
import com.ztplatform.databricks.Grants;
import com.ztplatform.databricks.Recipient;
import com.ztplatform.databricks.Share;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeltaSharingTest {
    private static final String PARTNER_ID = "azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";

    private static final String PARTNER_NETWORK = "20.61.12.16/28";

    static DeltaSharingSettings settings() {
        return new DeltaSharingSettings(true, Optional.of(30), List.of(new DeltaSharingSettings.ShareSpec("sales_partners",
                List.of("sharing.orders.daily"), List.of("acme", "globex"))), List.of(
                new DeltaSharingSettings.RecipientSpec("acme", "DATABRICKS", Optional.of(PARTNER_ID), List.of(),
                        List.of(PARTNER_NETWORK), "CHG-1001"),
                new DeltaSharingSettings.RecipientSpec("globex", "TOKEN", Optional.empty(),
                        List.of("52.174.10.5", "20.61.12.16/28"), List.of(), "CHG-1002")));
    }

    private static Plan run(DeltaSharingSettings settings) {
        return MockRun.run(ctx -> {
            var provider = DatabricksProvider.workspace("ws", Output.of("adb-1.1.azuredatabricks.net"),
                    Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w"),
                    DatabricksAzureAuth.azureCli(), null);
            new DeltaSharing("sharing", DeltaSharingArgs.builder().provider(provider).naming(new Naming("ztp", "prod"))
                    .settings(settings).catalogs(Map.of("sales", Output.of("prod_sales"),
                            "sharing", Output.of("prod_sharing"))).build(), null);
        });
    }

    @Test
    void sharesTablesOfTheSharingCatalogToRecipientsAndNoCredentialReachesThePlan() {
        var plan = run(settings());
        assertThat(plan.errors()).isEmpty();
        var share = plan.ofType(Share.TYPE).get(0);
        assertThat(share.id()).isEqualTo("prod_sales_partners");
        assertThat(share.input("objects").orElseThrow().toString())
                .isEqualTo("[{\"dataObjectType\":\"TABLE\",\"name\":\"prod_sharing.orders.daily\"}]");
        var recipients = plan.ofType(Recipient.TYPE);
        assertThat(recipients).extracting(Plan.PlanResource::id).containsExactly("prod_acme", "prod_globex");
        var d2d = recipients.get(0);
        assertThat(d2d.inputString("authenticationType")).hasValue("DATABRICKS");
        assertThat(d2d.inputString("dataRecipientGlobalMetastoreId")).hasValue(PARTNER_ID);
        assertThat(d2d.inputString("comment")).hasValue("Approved by CHG-1001");
        assertThat(d2d.input("ipAccessList")).isEmpty();
        assertThat(d2d.inputString("propertiesKvpairs.properties.storage_networks")).hasValue(PARTNER_NETWORK);
        var open = recipients.get(1);
        assertThat(open.inputString("authenticationType")).hasValue("TOKEN");
        assertThat(open.input("ipAccessList.allowedIpAddresses").orElseThrow().toString())
                .isEqualTo("[\"52.174.10.5\",\"20.61.12.16/28\"]");
        assertThat(open.inputString("propertiesKvpairs.properties.storage_networks")).hasValue("52.174.10.5,20.61.12.16/28");
        // Whatever credential-like value the provider returns on a recipient is a declared secret output.
        assertThat(recipients).allSatisfy(r -> assertThat(r.options().toString()).contains("activationUrl", "tokens",
                "sharingCode"));
        assertThat(plan.toJson()).doesNotContain("retrieve_config", "delta_sharing/");
        var grants = plan.ofType(Grants.TYPE).get(0);
        assertThat(grants.id()).isEqualTo("share/prod_sales_partners");
        assertThat(grants.input("grants").orElseThrow().toString()).isEqualTo(
                "[{\"principal\":\"prod_acme\",\"privileges\":[\"SELECT\"]},{\"principal\":\"prod_globex\",\"privileges\":[\"SELECT\"]}]");
    }

    @Test
    void theSharingAccountAdmitsTheUnionOfEveryRecipientsNetworks() {
        assertThat(settings().storageIpRules()).containsExactly("20.61.12.16/28", "52.174.10.5");
        assertThat(settings().needsSharingStorage()).isTrue();
        var noRecipients = new DeltaSharingSettings(true, Optional.empty(), List.of(), List.of());
        assertThat(noRecipients.needsSharingStorage()).isFalse();
        var off = new DeltaSharingSettings(false, Optional.of(30), List.of(), settings().recipients());
        assertThat(off.needsSharingStorage()).isFalse();
    }

    @Test
    void recipientsNeedTheirNetworksAndAnApprovalAndSharesOnlyTheSharingCatalog() {
        var bad = new DeltaSharingSettings(true, Optional.empty(), List.of(new DeltaSharingSettings.ShareSpec("s",
                List.of("sales.orders.daily", "finance.x.y", "sharing.orders"), List.of("nobody"))), List.of(
                new DeltaSharingSettings.RecipientSpec("open", "TOKEN", Optional.empty(), List.of(), List.of(), ""),
                new DeltaSharingSettings.RecipientSpec("d2d", "DATABRICKS", Optional.of("westeurope:abc"),
                        List.of("20.61.12.16/28"), List.of(), "CHG-2"),
                new DeltaSharingSettings.RecipientSpec("odd", "OIDC_FEDERATION", Optional.empty(), List.of(),
                        List.of(), "CHG-3"),
                new DeltaSharingSettings.RecipientSpec("lan", "DATABRICKS", Optional.of(PARTNER_ID), List.of(),
                        List.of("10.1.0.0/16", "20.61.12.17/32"), "CHG-4")));
        assertThat(bad.problems("deltaSharing", Set.of("sales"))).containsExactly(
                "deltaSharing.recipients[0].approval is required: the change that approved this recipient, like CHG-1234 "
                        + "(see the README, who approves a recipient)",
                "deltaSharing.recipients[0].ipAccessList is required for an open (TOKEN) recipient: the public "
                        + "addresses it reads from, enforced by Databricks on the token and by the sharing account's "
                        + "firewall on the files, like [20.61.12.16/28]",
                "deltaSharing.recipients[0] is an open (TOKEN) recipient: deltaSharing.tokenLifetimeDays is required, "
                        + "so its bearer token expires, like 30",
                "deltaSharing.recipients[1].sharingIdentifier is required for a DATABRICKS recipient: the partner "
                        + "metastore's sharing identifier, like azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9, "
                        + "got 'westeurope:abc'",
                "deltaSharing.recipients[1].ipAccessList applies to open (TOKEN) recipients only; a DATABRICKS "
                        + "recipient is admitted by storageNetworks. Move the addresses to storageNetworks, like "
                        + "[20.61.12.16/28]",
                "deltaSharing.recipients[1].storageNetworks is required for a DATABRICKS recipient: the public egress "
                        + "addresses of the partner's compute (its NAT gateway or firewall), which the sharing "
                        + "account's firewall admits, because the partner's clusters download the shared files from it "
                        + "directly, like [20.61.12.16/28]",
                "deltaSharing.recipients[2].authenticationType must be DATABRICKS or TOKEN, like DATABRICKS, got "
                        + "'OIDC_FEDERATION'",
                "deltaSharing.recipients[3].storageNetworks[0] '10.1.0.0/16' overlaps the private range 10.0.0.0/8: "
                        + "the storage firewall admits only public internet addresses, like 20.61.12.17 or "
                        + "20.61.12.16/28",
                "deltaSharing.recipients[3].storageNetworks[1] '20.61.12.17/32': the storage firewall does not take "
                        + "/31 or /32 ranges; give each address alone, without a prefix, like 20.61.12.17",
                "deltaSharing.shares[0].tables: 'sales.orders.daily' is not in the sharing catalog: a share may hold "
                        + "only tables of 'sharing' (sharing.schema.table), whose files live in the sharing account "
                        + "that recipients' networks may reach; catalog 'sales' lives in the lake, which admits no "
                        + "network, so no recipient could read it. Publish the table by copying it, like CREATE TABLE "
                        + "<environment>_sharing.orders.daily DEEP CLONE <environment>_sales.orders.daily, and share "
                        + "sharing.orders.daily (see the README, Delta Sharing)",
                "deltaSharing.shares[0].tables: 'finance.x.y' is not in the sharing catalog: a share may hold only "
                        + "tables of 'sharing' (sharing.schema.table), whose files live in the sharing account that "
                        + "recipients' networks may reach. Publish the table by copying it, like CREATE TABLE "
                        + "<environment>_sharing.x.y DEEP CLONE <environment>_finance.x.y, and share sharing.x.y (see "
                        + "the README, Delta Sharing)",
                "deltaSharing.shares[0].tables: 'sharing.orders' must be catalog.schema.table in the sharing catalog, "
                        + "like sharing.orders.daily",
                "deltaSharing.shares[0].recipients: 'nobody' is not a configured recipient; one of open, d2d, odd, lan");
        assertThat(settings().problems("deltaSharing", Set.of("sales"))).isEmpty();
        assertThat(settings().tokenLifetimeSeconds()).hasValue(30 * 86_400);
        var outOfRange = new DeltaSharingSettings(true, Optional.of(400), List.of(), List.of());
        assertThat(outOfRange.problems("deltaSharing", Set.of())).containsExactly(
                "deltaSharing.tokenLifetimeDays must be 1-365, like 30, got 400");
    }

    @Test
    void openRecipientsTakeAtMostAHundredEntriesAndTheAccountAtMostFourHundredRules() {
        var many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "20.61." + (i / 50) + "." + (i % 50 * 4))
                .toList();
        var open = new DeltaSharingSettings(true, Optional.of(30), List.of(), List.of(new DeltaSharingSettings.RecipientSpec(
                "globex", "TOKEN", Optional.empty(), many, List.of(), "CHG-1")));
        assertThat(open.problems("deltaSharing", Set.of())).containsExactly(
                "deltaSharing.recipients[0].ipAccessList has 101 entries; Databricks takes at most 100: use ranges, "
                        + "like 20.61.12.16/28");
        var recipients = java.util.stream.IntStream.range(0, 5).mapToObj(r -> new DeltaSharingSettings.RecipientSpec(
                "p" + r, "DATABRICKS", Optional.of(PARTNER_ID), List.of(), java.util.stream.IntStream.range(0, 81)
                .mapToObj(i -> "52." + (100 + r) + "." + i + ".0/24").toList(), "CHG-" + r)).toList();
        assertThat(new DeltaSharingSettings(true, Optional.empty(), List.of(), recipients).problems("deltaSharing",
                Set.of())).containsExactly("deltaSharing.recipients declare 405 distinct networks; the sharing "
                + "account's firewall takes at most 400 IP rules: use ranges, like 20.61.12.16/28");
    }

    @Test
    void sharesNeedARecipientAndTheSharingCatalog() {
        var lonely = new DeltaSharingSettings(true, Optional.empty(), List.of(new DeltaSharingSettings.ShareSpec("s",
                List.of("sharing.orders.daily"), List.of())), List.of());
        assertThat(lonely.problems("deltaSharing", Set.of())).containsExactly("deltaSharing.shares[0] has no "
                + "recipient to share with: the sharing catalog and its storage exist only while at least one "
                + "recipient is configured; add one under deltaSharing.recipients, like {name: partner_acme, "
                + "authenticationType: DATABRICKS, ...}, or remove the share");
        var plan = MockRun.run(ctx -> {
            var provider = DatabricksProvider.workspace("ws", Output.of("adb-1.1.azuredatabricks.net"),
                    Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w"),
                    DatabricksAzureAuth.azureCli(), null);
            new DeltaSharing("sharing", DeltaSharingArgs.builder().provider(provider).naming(new Naming("ztp", "prod"))
                    .settings(settings()).catalogs(Map.of("sales", Output.of("prod_sales"))).build(), null);
        });
        assertThat(String.join("\n", plan.errors())).contains("catalogs must name the sharing catalog 'sharing'");
        assertThat(plan.ofType(Recipient.TYPE)).isEmpty();
    }

    @Test
    void offInDevByDefault() {
        assertThat(DeltaSharingSettings.defaultEnabled("dev")).isFalse();
        assertThat(DeltaSharingSettings.defaultEnabled("prod")).isTrue();
    }

    @Test
    void argsNameMissingFields() {
        assertThat(DeltaSharingArgs.builder().build().problems()).containsExactly(
                "provider is required: a workspace provider, like DatabricksProvider.workspace(...) of the admin workspace",
                "naming is required, like new Naming(\"ztp\", \"dev\")",
                "settings is required: a DeltaSharingSettings, like the stack's deltaSharing section");
    }
}
