package com.ztplatform.components.integration;

import com.ztplatform.components.keyvault.TestKeys;
import com.ztplatform.components.common.BuiltInRole;
import com.google.gson.JsonElement;
import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationComponentsTest {
    private static final Naming NAMING = new Naming("ztp", "dev", "k3x9q");
    private static final String LAW = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-dev-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-dev-law";
    private static final String VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-dev-hub-rg/providers/Microsoft.KeyVault/vaults/ztp-dev-kv";
    private static final String RT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-dev-hub-rg/providers/Microsoft.Network/routeTables/ztp-dev-spoke-rt";

    /** A firewall whose plan admits the integration subnet. */
    private static EgressNextHop firewall(String admitted) {
        var plan = EgressPlan.builder().sources(PrivateFunctionApp.egressSources(admitted)).build();
        return new EgressNextHop() {
            @Override
            public Output<String> privateIp() {
                return Output.of("10.10.0.4");
            }

            @Override
            public Output<String> routeTableId() {
                return Output.of(RT);
            }

            @Override
            public Optional<EgressPlan> egressPlan() {
                return Optional.of(plan);
            }
        };
    }

    private static CommonOptions common() {
        return CommonOptions.defaults().withTags(Map.of("owner", "team")).withLogAnalyticsWorkspaceId(Output.of(LAW));
    }

    private static Plan plan(BiConsumer<HubNetwork, ServiceBusNamespace> more) {
        return MockRun.run(ctx -> {
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(Output.of("ztp-dev-hub-rg"))
                    .location("westeurope").naming(NAMING).addressSpace("10.10.0.0/22").common(common()).build(), null);
            var bus = new ServiceBusNamespace("bus", ServiceBusNamespaceArgs.builder()
                    .resourceGroupName(Output.of("ztp-dev-integration-rg")).location("westeurope").naming(NAMING)
                    .hub(hub).queues(List.of("landing-runs")).topics(List.of("platform-events")).common(common())
                    .build(), null);
            more.accept(hub, bus);
        });
    }

    private static FunctionAppArgs.Builder functions(HubNetwork hub, ServiceBusNamespace bus) {
        return FunctionAppArgs.builder().resourceGroupName(Output.of("ztp-dev-integration-rg")).location("westeurope")
                .naming(NAMING).hub(hub).egress(firewall("10.111.0.0/26")).addressSpace("10.111.0.0/26")
                .serviceBus(bus).queueName("landing-runs").keyVault(Output.of(VAULT),
                        Output.of("https://ztp-dev-kv.vault.azure.net/"))
                .storageKey(TestKeys.storageKey("func-storage-rsa3072")).common(common());
    }

    private static Map<String, String> settings(Plan.PlanResource app) {
        var out = new TreeMap<String, String>();
        for (JsonElement e : app.input("siteConfig.appSettings").orElseThrow().getAsJsonArray()) {
            out.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject().get("value").getAsString());
        }
        return out;
    }

    @Test
    void theNamespaceIsPremiumPrivateAndTakesNoKeys() {
        var plan = plan((hub, bus) -> { });
        assertThat(plan.errors()).isEmpty();
        var ns = plan.ofType("azure-native:servicebus:Namespace").get(0);
        assertThat(ns.inputString("namespaceName")).hasValue("ztp-dev-bus-k3x9q");
        assertThat(ns.inputString("sku.name")).hasValue("Premium");
        assertThat(ns.input("disableLocalAuth").orElseThrow().getAsBoolean()).isTrue();
        assertThat(ns.inputString("publicNetworkAccess")).hasValue("Disabled");
        assertThat(ns.inputString("minimumTlsVersion")).hasValue("1.2");
        assertThat(plan.ofType("azure-native:servicebus:Queue")).hasSize(1);
        assertThat(plan.ofType("azure-native:servicebus:Topic")).hasSize(1);
        assertThat(plan.named("bus-pe-namespace-dns").input("privateDnsZoneConfigs").orElseThrow().toString())
                .contains("/privateDnsZones/" + PrivateDnsZones.SERVICE_BUS);
        assertThat(plan.named("bus-diag").inputString("workspaceId")).hasValue(LAW);
        // No authorization rule (a SAS key) exists anywhere.
        assertThat(plan.resources()).noneMatch(r -> r.type().contains("AuthorizationRule"));
    }

    @Test
    void theFunctionAppIsPrivateKeylessAndLeavesThroughTheFirewall() {
        var plan = plan((hub, bus) -> new PrivateFunctionApp("func", functions(hub, bus).build(), null));
        assertThat(plan.errors()).isEmpty();
        var app = plan.ofType("azure-native:web:WebApp").get(0);
        assertThat(app.inputString("name")).hasValue("ztp-dev-func-k3x9q");
        assertThat(app.inputString("kind")).hasValue("functionapp,linux");
        assertThat(app.inputString("publicNetworkAccess")).hasValue("Disabled");
        assertThat(app.input("httpsOnly").orElseThrow().getAsBoolean()).isTrue();
        assertThat(app.input("vnetRouteAllEnabled").orElseThrow().getAsBoolean()).isTrue();
        assertThat(app.inputString("siteConfig.ftpsState")).hasValue("Disabled");
        assertThat(app.inputString("siteConfig.linuxFxVersion")).hasValue("Java|17");
        assertThat(app.inputString("virtualNetworkSubnetId").orElseThrow())
                .endsWith("/subnets/" + PrivateFunctionApp.SUBNET);
        var settings = settings(app);
        assertThat(settings).containsEntry("AzureWebJobsStorage__accountName", "ztpdevfunck3x9q")
                .containsEntry("AzureWebJobsStorage__credential", "managedidentity")
                .containsEntry("ServiceBusConnection__fullyQualifiedNamespace", "ztp-dev-bus-k3x9q.servicebus.windows.net")
                .containsKey("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID")
                .doesNotContainKey("AzureWebJobsStorage")
                .doesNotContainKey("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING");
        assertThat(settings.get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")).endsWith(";Authorization=AAD");
        assertThat(String.join(" ", settings.values())).doesNotContain("AccountKey=").doesNotContain("SharedAccessKey");

        var subnet = plan.named("func-snet");
        assertThat(subnet.input("delegations").orElseThrow().toString()).contains("Microsoft.Web/serverFarms");
        assertThat(subnet.inputString("routeTable.id")).hasValue(RT);
        assertThat(subnet.inputString("addressPrefix")).hasValue("10.111.0.0/26");

        var storage = plan.named("func-storage");
        assertThat(storage.input("allowSharedKeyAccess").orElseThrow().getAsBoolean()).isFalse();
        assertThat(storage.inputString("publicNetworkAccess")).hasValue("Disabled");
        assertThat(storage.input("encryption.requireInfrastructureEncryption").orElseThrow().getAsBoolean()).isTrue();
        assertThat(plan.ofType("azure-native:network:PrivateEndpoint").stream()
                .map(pe -> pe.input("privateLinkServiceConnections").orElseThrow().toString()))
                .anyMatch(c -> c.contains("\"sites\"")).anyMatch(c -> c.contains("\"blob\""))
                .anyMatch(c -> c.contains("\"queue\"")).anyMatch(c -> c.contains("\"table\""));
        assertThat(plan.named("func-ftp-off").input("allow").orElseThrow().getAsBoolean()).isFalse();
        assertThat(plan.named("func-scm-basic-off").input("allow").orElseThrow().getAsBoolean()).isFalse();
        var insights = plan.ofType("azure-native:insights:Component").get(0);
        assertThat(insights.inputString("workspaceResourceId")).hasValue(LAW);
        assertThat(insights.input("disableLocalAuth").orElseThrow().getAsBoolean()).isTrue();
        // Telemetry arrives only through the Azure Monitor Private Link Scope; operators still query it.
        assertThat(insights.inputString("publicNetworkAccessForIngestion")).hasValue("Disabled");
        assertThat(insights.inputString("publicNetworkAccessForQuery")).hasValue("Enabled");
    }

    @Test
    void theIdentityGetsExactlyTheNamedRolesOnTheNamespaceAndTheVault() {
        var plan = plan((hub, bus) -> new PrivateFunctionApp("func", functions(hub, bus).build(), null));
        var grants = plan.ofType("azure-native:authorization:RoleAssignment");
        var onBus = grants.stream().filter(g -> g.inputString("scope").orElseThrow().contains("Microsoft.ServiceBus"))
                .map(g -> g.inputString("roleDefinitionId").orElseThrow()).toList();
        assertThat(onBus).hasSize(2).anyMatch(r -> r.endsWith(ServiceBusNamespace.DATA_SENDER_ROLE))
                .anyMatch(r -> r.endsWith(ServiceBusNamespace.DATA_RECEIVER_ROLE));
        var onVault = grants.stream().filter(g -> g.inputString("scope").orElseThrow().equals(VAULT))
                .map(g -> g.inputString("roleDefinitionId").orElseThrow()).toList();
        assertThat(onVault).singleElement().satisfies(r -> assertThat(r).endsWith(PrivateFunctionApp.KEY_VAULT_SECRETS_USER));
        // The storage account's own encryption identity (not the functions identity) on its key, and nothing more.
        var onKey = grants.stream().filter(g -> g.inputString("scope").orElseThrow().endsWith("/keys/func-storage-rsa3072"))
                .toList();
        assertThat(onKey).singleElement().satisfies(g -> {
            assertThat(g.inputString("roleDefinitionId").orElseThrow())
                    .endsWith(BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.guid());
            assertThat(g.inputString("principalId")).hasValue(plan.named("func-storage-cmk-id").mockComputed()
                    .get("principalId").getAsString());
        });
        assertThat(plan.named("func-storage").dependencies()).contains(onKey.get(0).urn());
        // Everything else is on the app's own storage account and telemetry component.
        assertThat(grants).hasSize(8).allSatisfy(g -> assertThat(g.inputString("scope").orElseThrow())
                .containsAnyOf("Microsoft.ServiceBus", VAULT, "/storageAccounts/ztpdevfunck3x9q", "Microsoft.Insights/components",
                        "/keys/func-storage-rsa3072"));
    }

    @Test
    void theIntegrationSubnetIsASourceGroupOfItsOwnWithNoRule() {
        // Deny by default: every dependency of the runtime is a private endpoint.
        assertThat(PrivateFunctionApp.firewallContribution()).isEmpty();
        var sources = PrivateFunctionApp.egressSources("10.111.0.0/25");
        assertThat(sources.group()).isEqualTo(SourceGroups.INTEGRATION);
        assertThat(sources.cidrs()).containsExactly("10.111.0.0/26");
        assertThat(EgressPlan.builder().sources(sources).build().problems("plan")).isEmpty();
    }

    @Test
    void invalidArgumentsAreAllReported() {
        var functions = FunctionAppArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(NAMING).egress(firewall("10.111.0.0/26")).addressSpace("10.111.0.0/27").planSku("Y1")
                .queueName("landing-runs").packageBlob("app.jar").build();
        assertThat(functions.problems()).anyMatch(p -> p.startsWith("hub is required"))
                .anyMatch(p -> p.startsWith("addressSpace must be a /26 or larger"))
                .anyMatch(p -> p.startsWith("planSku must be a Premium v3 size"))
                .anyMatch(p -> p.startsWith("packageBlob must be a .zip"))
                .anyMatch(p -> p.startsWith("serviceBusId and serviceBusHost are required"))
                .anyMatch(p -> p.startsWith("keyVaultId and keyVaultUri are required"))
                .anyMatch(p -> p.startsWith("storageKey is required"));
        // A subnet the firewall's plan does not admit would be denied everything: refused before deployment.
        var unplanned = FunctionAppArgs.builder().egress(firewall("10.112.0.0/26")).addressSpace("10.111.0.0/26").build();
        assertThat(unplanned.problems()).anyMatch(p -> p.contains("does not admit the integration subnet 10.111.0.0/26"));
        assertThat(ServiceBusNamespaceArgs.entityProblems("integration.", List.of("landing-runs", "-bad"),
                List.of("LANDING-RUNS"))).hasSize(2);
        var args = ServiceBusNamespaceArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(new Naming("ztp", "dev")).namePart("sb").capacity(3).build();
        assertThat(args.problems()).anyMatch(p -> p.contains("hub is required"))
                .anyMatch(p -> p.contains("capacity must be one of"))
                .anyMatch(p -> p.contains("queues or topics must name at least one entity"));
    }
}
