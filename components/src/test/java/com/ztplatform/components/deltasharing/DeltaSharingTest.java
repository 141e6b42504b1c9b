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

    static DeltaSharingSettings settings() {
        return new DeltaSharingSettings(true, Optional.of(30), List.of(new DeltaSharingSettings.ShareSpec("sales_partners",
                List.of("sales.orders.daily"), List.of("acme", "globex"))), List.of(
                new DeltaSharingSettings.RecipientSpec("acme", "DATABRICKS", Optional.of(PARTNER_ID), List.of(), "CHG-1001"),
                new DeltaSharingSettings.RecipientSpec("globex", "DATABRICKS",
                        Optional.of("azure:northeurope:9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"), List.of(), "CHG-1002")));
    }

    @Test
    void sharesTablesToRecipientsAndNoCredentialReachesThePlan() {
        var plan = MockRun.run(ctx -> {
            var provider = DatabricksProvider.workspace("ws", Output.of("adb-1.1.azuredatabricks.net"),
                    Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w"),
                    DatabricksAzureAuth.azureCli(), null);
            new DeltaSharing("sharing", DeltaSharingArgs.builder().provider(provider).naming(new Naming("ztp", "prod"))
                    .settings(settings()).catalogs(Map.of("sales", Output.of("prod_sales"))).build(), null);
        });
        assertThat(plan.errors()).isEmpty();
        var share = plan.ofType(Share.TYPE).get(0);
        assertThat(share.id()).isEqualTo("prod_sales_partners");
        assertThat(share.input("objects").orElseThrow().toString())
                .isEqualTo("[{\"dataObjectType\":\"TABLE\",\"name\":\"prod_sales.orders.daily\"}]");
        var recipients = plan.ofType(Recipient.TYPE);
        assertThat(recipients).extracting(Plan.PlanResource::id).containsExactly("prod_acme", "prod_globex");
        var d2d = recipients.get(0);
        assertThat(d2d.inputString("authenticationType")).hasValue("DATABRICKS");
        assertThat(d2d.inputString("dataRecipientGlobalMetastoreId")).hasValue(PARTNER_ID);
        assertThat(d2d.inputString("comment")).hasValue("Approved by CHG-1001");
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
    void openRecipientsAreRefusedNamingTheFieldAndEveryRecipientNeedsAnApproval() {
        var bad = new DeltaSharingSettings(true, Optional.empty(), List.of(new DeltaSharingSettings.ShareSpec("s",
                List.of("finance.x.y", "sales.orders"), List.of("nobody"))), List.of(
                new DeltaSharingSettings.RecipientSpec("open", "TOKEN", Optional.empty(), List.of("203.0.113.10/32"), ""),
                new DeltaSharingSettings.RecipientSpec("d2d", "DATABRICKS", Optional.of("westeurope:abc"),
                        List.of("203.0.113.10/32"), "CHG-2"),
                new DeltaSharingSettings.RecipientSpec("odd", "OIDC_FEDERATION", Optional.empty(), List.of(), "CHG-3")));
        assertThat(bad.problems("deltaSharing", Set.of("sales"))).containsExactly(
                "deltaSharing.recipients[0].approval is required: the change that approved this recipient, like CHG-1234 "
                        + "(see the README, who approves a recipient)",
                "deltaSharing.recipients[0].authenticationType TOKEN (open sharing) is refused: an open recipient "
                        + "downloads the shared files directly from the lake's storage through short-lived URLs, and the "
                        + "lake's firewall admits no network (only Unity Catalog's access connector), so the recipient "
                        + "could be created but never read data. Use authenticationType: DATABRICKS with the partner "
                        + "metastore's sharingIdentifier, like azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9 "
                        + "(see the README, Delta Sharing)",
                "deltaSharing.recipients[1].sharingIdentifier is required for a DATABRICKS recipient: the partner "
                        + "metastore's sharing identifier, like azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9, "
                        + "got 'westeurope:abc'",
                "deltaSharing.recipients[1].ipAccessList applies to open (TOKEN) recipients only, which are refused; a "
                        + "DATABRICKS recipient reads through its own metastore. Remove it",
                "deltaSharing.recipients[2].authenticationType must be DATABRICKS, like DATABRICKS, got 'OIDC_FEDERATION'",
                "deltaSharing.shares[0].tables: 'finance.x.y' is not in a catalog of this stack; one of sales",
                "deltaSharing.shares[0].tables: 'sales.orders' must be catalog.schema.table with the catalog as "
                        + "configured in unityCatalog, like sales.orders.daily",
                "deltaSharing.shares[0].recipients: 'nobody' is not a configured recipient; one of open, d2d, odd");
        assertThat(settings().problems("deltaSharing", Set.of("sales"))).isEmpty();
        assertThat(settings().tokenLifetimeSeconds()).hasValue(30 * 86_400);
        var outOfRange = new DeltaSharingSettings(true, Optional.of(400), List.of(), List.of());
        assertThat(outOfRange.problems("deltaSharing", Set.of())).containsExactly(
                "deltaSharing.tokenLifetimeDays must be 1-365, like 30, got 400");
    }

    @Test
    void theComponentCreatesNothingForAnOpenRecipient() {
        var open = new DeltaSharingSettings(true, Optional.of(30), List.of(), List.of(new DeltaSharingSettings.RecipientSpec(
                "globex", "TOKEN", Optional.empty(), List.of("203.0.113.10/32"), "CHG-1002")));
        var plan = MockRun.run(ctx -> {
            var provider = DatabricksProvider.workspace("ws", Output.of("adb-1.1.azuredatabricks.net"),
                    Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w"),
                    DatabricksAzureAuth.azureCli(), null);
            new DeltaSharing("sharing", DeltaSharingArgs.builder().provider(provider).naming(new Naming("ztp", "prod"))
                    .settings(open).catalogs(Map.of("sales", Output.of("prod_sales"))).build(), null);
        });
        assertThat(String.join("\n", plan.errors())).contains("authenticationType TOKEN (open sharing) is refused");
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
