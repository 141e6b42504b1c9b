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
                new DeltaSharingSettings.RecipientSpec("globex", "TOKEN", Optional.empty(), List.of("203.0.113.10/32"),
                        "CHG-1002")));
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
        var open = recipients.get(1);
        assertThat(open.inputString("authenticationType")).hasValue("TOKEN");
        assertThat(open.input("ipAccessList.allowedIpAddresses").orElseThrow().toString()).isEqualTo("[\"203.0.113.10/32\"]");
        assertThat(open.options().toString()).contains("activationUrl", "tokens");
        // The mocks answer with an activation link and a token, like the provider: declared secret outputs, they
        // are left out of the plan (only "activated" is computed in clear).
        assertThat(open.mockComputed().keySet()).containsExactly("activated");
        assertThat(plan.toJson()).doesNotContain("retrieve_config", "delta_sharing/");
        var grants = plan.ofType(Grants.TYPE).get(0);
        assertThat(grants.id()).isEqualTo("share/prod_sales_partners");
        assertThat(grants.input("grants").orElseThrow().toString()).isEqualTo(
                "[{\"principal\":\"prod_acme\",\"privileges\":[\"SELECT\"]},{\"principal\":\"prod_globex\",\"privileges\":[\"SELECT\"]}]");
    }

    @Test
    void anOpenRecipientNeedsAnIpListAndAnExpiringTokenAndEveryRecipientAnApproval() {
        var bad = new DeltaSharingSettings(true, Optional.empty(), List.of(new DeltaSharingSettings.ShareSpec("s",
                List.of("finance.x.y", "sales.orders"), List.of("nobody"))), List.of(
                new DeltaSharingSettings.RecipientSpec("open", "TOKEN", Optional.empty(), List.of("0.0.0.0/0"), ""),
                new DeltaSharingSettings.RecipientSpec("bare", "TOKEN", Optional.empty(), List.of(), "CHG-1"),
                new DeltaSharingSettings.RecipientSpec("d2d", "DATABRICKS", Optional.of("westeurope:abc"), List.of(), "CHG-2")));
        assertThat(bad.problems("deltaSharing", Set.of("sales"))).containsExactly(
                "deltaSharing.tokenLifetimeDays is required with an open (TOKEN) recipient, like 30: tokens must expire",
                "deltaSharing.recipients[0].approval is required: the change that approved this recipient, like CHG-1234 "
                        + "(see the README, who approves a recipient)",
                "deltaSharing.recipients[0].ipAccessList: '0.0.0.0/0' is wider than /16; name the partner's egress "
                        + "addresses, like 203.0.113.10/32",
                "deltaSharing.recipients[1].ipAccessList is required for an open (TOKEN) recipient: the partner's egress "
                        + "addresses, like [203.0.113.10/32]; an open recipient without one is refused",
                "deltaSharing.recipients[2].sharingIdentifier is required for a DATABRICKS recipient: the partner "
                        + "metastore's sharing identifier, like azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9, "
                        + "got 'westeurope:abc'",
                "deltaSharing.shares[0].tables: 'finance.x.y' is not in a catalog of this stack; one of sales",
                "deltaSharing.shares[0].tables: 'sales.orders' must be catalog.schema.table with the catalog as "
                        + "configured in unityCatalog, like sales.orders.daily",
                "deltaSharing.shares[0].recipients: 'nobody' is not a configured recipient; one of open, bare, d2d");
        assertThat(settings().problems("deltaSharing", Set.of("sales"))).isEmpty();
        assertThat(settings().tokenLifetimeSeconds()).hasValue(30 * 86_400);
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
                "naming is required, like new Naming(\"ztp\", \"prod\")",
                "settings is required: a DeltaSharingSettings, like the stack's deltaSharing section");
    }
}
