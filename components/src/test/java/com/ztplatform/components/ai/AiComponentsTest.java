package com.ztplatform.components.ai;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.privatelink.EndpointSpec;
import com.ztplatform.components.privatelink.PrivateEndpointSetArgs;
import com.ztplatform.components.privatelink.PrivateLinkTarget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AiComponentsTest {
    private static final Naming NAMING = new Naming("ztp", "dev");
    private static final String LAW = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-dev-hub-rg/providers/Microsoft.OperationalInsights/workspaces/ztp-dev-law";
    private static final String ACR_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-dev-ai-rg/providers/Microsoft.ContainerRegistry/registries/ztpdevacr";
    private static final String AI_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "ztp-dev-ai-rg/providers/Microsoft.CognitiveServices/accounts/ztp-dev-ai";
    private static final ModelDeployment GPT = new ModelDeployment("gpt-4o", "gpt-4o", "2024-08-06", "OpenAI",
            "DataZoneStandard", 10);
    private static final ModelDeployment EMBEDDINGS = new ModelDeployment("embeddings", "text-embedding-3-large", "1",
            "OpenAI", "Standard", 20);

    private static Plan plan(Consumer<HubNetwork> components) {
        return MockRun.run(ctx -> {
            var common = CommonOptions.defaults().withTags(Map.of("owner", "team"))
                    .withLogAnalyticsWorkspaceId(Output.of(LAW));
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(Output.of("ztp-dev-hub-rg"))
                    .location("westeurope").naming(NAMING).addressSpace("10.10.0.0/22").common(common).build(), null);
            components.accept(hub);
        });
    }

    private static CommonOptions common() {
        return CommonOptions.defaults().withTags(Map.of("owner", "team")).withLogAnalyticsWorkspaceId(Output.of(LAW));
    }

    @Test
    void theRegistryIsPremiumPrivateEntraOnlyAndCannotExport() {
        var plan = plan(hub -> new ContainerRegistry("acr", ContainerRegistryArgs.builder()
                .resourceGroupName(Output.of("ztp-dev-ai-rg")).location("westeurope").naming(NAMING).hub(hub)
                .zoneRedundant(true).common(common()).build(), null));
        assertThat(plan.errors()).isEmpty();
        var registry = plan.ofType("azure-native:containerregistry:Registry").get(0);
        assertThat(registry.id()).isEqualTo(ACR_ID);
        assertThat(registry.inputString("sku.name")).hasValue("Premium");
        assertThat(registry.input("adminUserEnabled").orElseThrow().getAsBoolean()).isFalse();
        assertThat(registry.inputString("publicNetworkAccess")).hasValue("Disabled");
        assertThat(registry.inputString("networkRuleBypassOptions")).hasValue("None");
        assertThat(registry.inputString("networkRuleSet.defaultAction")).hasValue("Deny");
        // The registry API spells the export policy status in lowercase.
        assertThat(registry.inputString("policies.exportPolicy.status")).hasValue("disabled");
        assertThat(registry.inputString("zoneRedundancy")).hasValue("Enabled");

        var endpoint = plan.ofType("azure-native:network:PrivateEndpoint").stream()
                .filter(pe -> pe.input("privateLinkServiceConnections").orElseThrow().toString().contains(ACR_ID))
                .findFirst().orElseThrow();
        assertThat(endpoint.input("privateLinkServiceConnections").orElseThrow().toString()).contains("\"registry\"");
        assertThat(endpoint.inputString("subnet.id").orElseThrow()).endsWith("/subnets/snet-private-endpoints");
        var group = plan.named("acr-pe-registry-dns");
        assertThat(group.input("privateDnsZoneConfigs").orElseThrow().toString())
                .contains("/privateDnsZones/" + PrivateDnsZones.CONTAINER_REGISTRY);
        var diag = plan.named("acr-diag");
        assertThat(diag.inputString("resourceUri")).hasValue(ACR_ID);
        assertThat(diag.inputString("workspaceId")).hasValue(LAW);
    }

    @Test
    void aRegistryOutsideProdIsNotZoneRedundantByDefault() {
        var plan = plan(hub -> new ContainerRegistry("acr", ContainerRegistryArgs.builder()
                .resourceGroupName(Output.of("ztp-dev-ai-rg")).location("westeurope").naming(NAMING).hub(hub)
                .common(common()).build(), null));
        assertThat(plan.named("acr-registry").inputString("zoneRedundancy")).hasValue("Disabled");
    }

    @Test
    void theAiAccountIsEntraOnlyPrivateAndCannotCallOutExceptToAllowedHosts() {
        var plan = plan(hub -> new AiServices("ai", AiServicesArgs.builder().resourceGroupName(Output.of("ztp-dev-ai-rg"))
                .location("westeurope").naming(NAMING).hub(hub).allowedFqdns(List.of("ztpdevlake.blob.core.windows.net"))
                .common(common()).build(), null));
        assertThat(plan.errors()).isEmpty();
        var account = plan.ofType("azure-native:cognitiveservices:Account").get(0);
        assertThat(account.id()).isEqualTo(AI_ID);
        assertThat(account.inputString("kind")).hasValue("AIServices");
        assertThat(account.inputString("sku.name")).hasValue("S0");
        assertThat(account.inputString("identity.type")).hasValue("SystemAssigned");
        assertThat(account.inputString("properties.customSubDomainName")).hasValue("ztp-dev-ai");
        assertThat(account.input("properties.disableLocalAuth").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.inputString("properties.publicNetworkAccess")).hasValue("Disabled");
        assertThat(account.inputString("properties.networkAcls.defaultAction")).hasValue("Deny");
        assertThat(account.input("properties.restrictOutboundNetworkAccess").orElseThrow().getAsBoolean()).isTrue();
        assertThat(account.input("properties.allowedFqdnList").orElseThrow().toString())
                .isEqualTo("[\"ztpdevlake.blob.core.windows.net\"]");
        assertThat(plan.ofType("azure-native:cognitiveservices:Deployment")).isEmpty();

        // One endpoint, registered in all three zones the account's host names live in.
        var group = plan.named("ai-pe-account-dns");
        var configs = group.input("privateDnsZoneConfigs").orElseThrow().toString();
        assertThat(configs).contains("/privateDnsZones/" + PrivateDnsZones.COGNITIVE_SERVICES,
                "/privateDnsZones/" + PrivateDnsZones.OPENAI, "/privateDnsZones/" + PrivateDnsZones.AI_SERVICES);
        assertThat(plan.named("ai-pe-account").input("privateLinkServiceConnections").orElseThrow().toString())
                .contains("\"account\"", AI_ID);
        assertThat(plan.named("ai-diag").inputString("resourceUri")).hasValue(AI_ID);
    }

    @Test
    void modelDeploymentsAreCreatedOneAfterAnother() {
        var plan = plan(hub -> new AiServices("ai", AiServicesArgs.builder().resourceGroupName(Output.of("ztp-dev-ai-rg"))
                .location("westeurope").naming(NAMING).hub(hub).deployments(List.of(GPT, EMBEDDINGS))
                .common(common()).build(), null));
        assertThat(plan.errors()).isEmpty();
        var gpt = plan.named("ai-deploy-gpt-4o");
        var embeddings = plan.named("ai-deploy-embeddings");
        assertThat(gpt.inputString("deploymentName")).hasValue("gpt-4o");
        assertThat(gpt.inputString("properties.model.name")).hasValue("gpt-4o");
        assertThat(gpt.inputString("properties.model.version")).hasValue("2024-08-06");
        assertThat(gpt.inputString("properties.model.format")).hasValue("OpenAI");
        assertThat(gpt.inputString("sku.name")).hasValue("DataZoneStandard");
        assertThat(gpt.input("sku.capacity").orElseThrow().getAsInt()).isEqualTo(10);
        assertThat(embeddings.dependencies()).contains(gpt.urn());
    }

    @Test
    void everyArgumentProblemNamesItsFieldAndAnExample() {
        var args = AiServicesArgs.builder().customSubdomain("Bad_Name").sku("F0").allowedFqdns(List.of("http://x"))
                .deployments(List.of(new ModelDeployment("g", "", null, "OpenAI", "Premium", 0), GPT, GPT)).build();
        assertThat(args.problems()).contains(
                "resourceGroupName is required, like aiRg.name()",
                "location is required, like westeurope",
                "sku must be S0 (the AIServices kind has no other tier), got 'F0'",
                "allowedFqdns[0] must be a lowercase host name like 'contoso.blob.core.windows.net', got 'http://x'",
                "deployments[0].name must be 2-64 letters, digits, '.', '_' or '-', starting with a letter or digit, "
                        + "like 'gpt-4o', got 'g'",
                "deployments[0].version must be the model version, like '2024-08-06', got null",
                "deployments[0].capacity must be at least 1 (thousands of tokens per minute, or provisioned units), "
                        + "like 10, got 0",
                "deployments[2].name 'gpt-4o' is used twice; deployment names are unique per account, like 'gpt-4o' "
                        + "and 'embeddings'")
                .anySatisfy(p -> assertThat(p).startsWith("customSubdomain: custom subdomain 'Bad_Name' must be 2-64"))
                .anySatisfy(p -> assertThat(p).startsWith("deployments[0].model must be a model name like 'gpt-4o'"))
                .anySatisfy(p -> assertThat(p).startsWith("deployments[0].sku must be one of [Standard,"))
                .anySatisfy(p -> assertThat(p).startsWith("hub is required"));
        assertThat(ContainerRegistryArgs.builder().namePart("my-acr").build().problems())
                .contains("namePart must be 1-20 lowercase letters or digits (registry names have no hyphens), like "
                        + "'acr', got 'my-acr'")
                .anySatisfy(p -> assertThat(p).startsWith("hub is required"));
    }

    @Test
    void aHubWithoutTheAiZonesIsRefusedBeforeAnythingIsCreated() {
        var plan = MockRun.run(ctx -> {
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(Output.of("ztp-dev-hub-rg"))
                    .location("westeurope").naming(NAMING).addressSpace("10.10.0.0/22")
                    .privateDnsZones(List.of(PrivateDnsZones.COGNITIVE_SERVICES, PrivateDnsZones.KEY_VAULT)).build(), null);
            new AiServices("ai", AiServicesArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                    .naming(NAMING).hub(hub).build(), null);
        });
        assertThat(plan.errors()).anySatisfy(e -> assertThat(e).contains("the hub lacks ["
                + PrivateDnsZones.OPENAI + ", " + PrivateDnsZones.AI_SERVICES + "]"));
        assertThat(plan.ofType("azure-native:cognitiveservices:Account")).isEmpty();
    }

    @Test
    void anEndpointToAnAiAccountMustRegisterInEveryZoneOfItsHostNames() {
        var subnet = Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe");
        var zone = Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/"
                + PrivateDnsZones.COGNITIVE_SERVICES);
        var args = PrivateEndpointSetArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(NAMING).targetName("ai").targetType(PrivateLinkTarget.AI_SERVICES).targetId(Output.of(AI_ID))
                .endpoints(List.of(new EndpointSpec("account", "account", subnet, zone))).build();
        assertThat(args.problems()).singleElement().asString().startsWith("endpoints[0].additionalZoneIds lacks ["
                + PrivateDnsZones.OPENAI + ", " + PrivateDnsZones.AI_SERVICES + "]");
        assertThatThrownBy(() -> new PrivateLinkTarget("Microsoft.CognitiveServices/accounts",
                Map.of("account", PrivateDnsZones.COGNITIVE_SERVICES), false, Map.of("portal", List.of("openai.com"))))
                .hasMessageContaining("additionalZonesByGroupId.portal names a group id that zoneByGroupId lacks")
                .hasMessageContaining("must list private-link zones like privatelink.openai.azure.com, got 'openai.com'");
    }
}
