package com.ztplatform.components.aks;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.firewall.EgressFirewall;
import com.ztplatform.components.firewall.EgressFirewallArgs;
import com.ztplatform.components.firewall.EgressPath;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.SourceGroups;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.network.HubNetwork;
import com.ztplatform.components.network.HubNetworkArgs;
import com.ztplatform.components.network.PrivateDnsZones;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MachineLearningInferenceTest {
    private static final Naming NAMING = new Naming("ztp", "prod");
    private static final String SPACE = "10.120.0.0/22";
    private static final InferenceSettings TLS = new InferenceSettings("inference.ml.contoso.internal", "azureml-fe-tls");

    private static Plan plan(Optional<InferenceSettings> inference) {
        return MockRun.run(ctx -> {
            var rg = Output.of("ztp-prod-hub-rg");
            var common = CommonOptions.defaults().withTags(Map.of("owner", "team"));
            var egress = new EgressPath("egress", EgressPathArgs.builder().resourceGroupName(rg)
                    .location("westeurope").naming(NAMING).common(common).build(), null);
            var zones = new ArrayList<>(PrivateDnsZones.DEFAULTS);
            zones.add("privatelink.westeurope.azmk8s.io");
            var hub = new HubNetwork("hub", HubNetworkArgs.builder().resourceGroupName(rg).location("westeurope")
                    .naming(NAMING).addressSpace("10.100.0.0/22").privateDnsZones(zones)
                    .firewallSubnetNatGatewayId(egress.natGatewayId().orElseThrow()).common(common).build(), null);
            var plan = EgressPlan.builder().sources(AksEgress.egressSources(SPACE))
                    .contribution(AksEgress.firewallContribution());
            inference.ifPresent(i -> plan.contribution(MachineLearningInference.firewallContribution("westeurope")));
            var firewall = new EgressFirewall("fw", EgressFirewallArgs.builder().hub(hub).egress(egress).naming(NAMING)
                    .plan(plan.build()).common(common).build(), null);
            var settings = new AksSettings(SPACE, 3, AksSettings.DEFAULT_VM_SIZE, List.of(), List.of(), inference);
            var cluster = new PrivateAksCluster("aks", PrivateAksClusterArgs.builder()
                    .resourceGroupName(Output.of("ztp-prod-aks-rg")).location("westeurope").naming(NAMING)
                    .settings(settings).hub(hub).egress(firewall).common(common).build(), null);
            inference.ifPresent(i -> new MachineLearningInference("aks-ml", MachineLearningInferenceArgs.builder()
                    .cluster(cluster).workspaceResourceGroupName(Output.of("ztp-prod-ai-rg"))
                    .workspaceName(Output.of("ztp-prod-ml-mlw")).workspacePrincipalId(Output.of("ws-principal"))
                    .location("westeurope").settings(i).common(common).build(), null));
        });
    }

    @Test
    void theAttachedClusterServesInferenceOnAnInternalLoadBalancerOverHttpsOnly() {
        var plan = plan(Optional.of(TLS));
        assertThat(plan.errors()).isEmpty();
        var extension = plan.ofType("azure-native:kubernetesconfiguration:Extension").get(0);
        assertThat(extension.inputString("extensionType")).hasValue("microsoft.azureml.kubernetes");
        assertThat(extension.inputString("clusterName")).hasValue("ztp-prod-aks");
        assertThat(extension.inputString("configurationSettings.internalLoadBalancerProvider")).hasValue("azure");
        assertThat(extension.inputString("configurationSettings.inferenceRouterServiceType")).hasValue("loadBalancer");
        assertThat(extension.inputString("configurationSettings.allowInsecureConnections")).hasValue("False");
        assertThat(extension.inputString("configurationSettings.enableTraining")).hasValue("False");
        assertThat(extension.inputString("configurationSettings.sslCname")).hasValue("inference.ml.contoso.internal");
        var compute = plan.ofType("azure-native:machinelearningservices:Compute").get(0);
        assertThat(compute.inputString("properties.computeType")).hasValue("Kubernetes");
        assertThat(compute.inputString("properties.resourceId")).hasValueSatisfying(id ->
                assertThat(id).endsWith("/managedClusters/ztp-prod-aks"));
        assertThat(compute.input("properties.disableLocalAuth").orElseThrow().getAsBoolean()).isTrue();
        assertThat(compute.id()).endsWith("/workspaces/ztp-prod-ml-mlw/computes/aks-inference");
        // The compute waits for the extension and the workspace identity's Reader grant on the cluster.
        var reader = plan.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(r -> r.inputString("roleDefinitionId").orElse("").endsWith(MachineLearningInference.READER))
                .toList();
        assertThat(reader).singleElement().satisfies(r -> {
            assertThat(r.inputString("principalId")).hasValue("ws-principal");
            assertThat(r.inputString("scope")).hasValueSatisfying(s -> assertThat(s).endsWith("/managedClusters/ztp-prod-aks"));
        });
        assertThat(compute.dependencies()).contains(extension.urn(), reader.get(0).urn());
    }

    @Test
    void localAccountsStayOffUnlessAzureMachineLearningIsAttached() {
        var attached = plan(Optional.of(TLS)).ofType("azure-native:containerservice:ManagedCluster").get(0);
        var alone = plan(Optional.empty());
        assertThat(attached.input("disableLocalAccounts").orElseThrow().getAsBoolean()).isFalse();
        assertThat(alone.ofType("azure-native:containerservice:ManagedCluster").get(0).input("disableLocalAccounts")
                .orElseThrow().getAsBoolean()).isTrue();
        assertThat(alone.ofType("azure-native:kubernetesconfiguration:Extension")).isEmpty();
    }

    @Test
    void theExtensionsHostsAreAdmittedFromTheNodeSubnetOverHttpsOnly() {
        var contribution = MachineLearningInference.firewallContribution("West Europe");
        var rules = contribution.collections().stream().flatMap(c -> c.rules().stream()).toList();
        assertThat(rules).allSatisfy(r -> {
            var app = (FirewallRule.ApplicationRule) r;
            assertThat(app.sourceGroups()).containsExactly(SourceGroups.AKS);
            assertThat(app.protocols()).containsExactly("Https:443");
        });
        assertThat(rules.stream().flatMap(r -> ((FirewallRule.ApplicationRule) r).targetFqdns().stream()))
                .containsExactlyInAnyOrder("westeurope.dp.kubernetesconfiguration.azure.com", "westeurope.api.azureml.ms",
                        "westeurope.experiments.azureml.net")
                .noneMatch(f -> f.contains("*"));
    }

    @Test
    void everyMissingOrInvalidArgumentIsNamedWithAnExample() {
        var problems = MachineLearningInferenceArgs.builder().location("West Europe")
                .settings(new InferenceSettings("Not A Host", "Bad_Secret")).build().problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("cluster is required"))
                .anySatisfy(p -> assertThat(p).startsWith("workspaceResourceGroupName and workspaceName are required"))
                .anySatisfy(p -> assertThat(p).startsWith("workspacePrincipalId is required"))
                .anySatisfy(p -> assertThat(p).startsWith("location must be an Azure region name like westeurope"))
                .anySatisfy(p -> assertThat(p).startsWith("settings.tlsCname must be a lowercase DNS name like"))
                .anySatisfy(p -> assertThat(p).startsWith("settings.tlsSecret must be a Kubernetes secret name like"));
        assertThat(TLS.problems("")).isEmpty();
    }
}
