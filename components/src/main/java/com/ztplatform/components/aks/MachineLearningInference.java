package com.ztplatform.components.aks;

import com.pulumi.azurenative.kubernetesconfiguration.Extension;
import com.pulumi.azurenative.kubernetesconfiguration.ExtensionArgs;
import com.pulumi.azurenative.kubernetesconfiguration.enums.ResourceIdentityType;
import com.pulumi.azurenative.kubernetesconfiguration.inputs.IdentityArgs;
import com.pulumi.azurenative.machinelearningservices.Compute;
import com.pulumi.azurenative.machinelearningservices.ComputeArgs;
import com.pulumi.azurenative.machinelearningservices.inputs.KubernetesArgs;
import com.pulumi.azurenative.machinelearningservices.inputs.KubernetesPropertiesArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Problems;
import com.ztplatform.components.common.RoleGrants;
import com.ztplatform.components.firewall.FirewallRule;
import com.ztplatform.components.firewall.RuleCollection;
import com.ztplatform.components.firewall.RuleContribution;
import com.ztplatform.components.firewall.SourceGroups;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The private AKS cluster attached to the machine learning workspace as inference compute, the way Azure Machine
 * Learning supports today: the Azure ML cluster extension on the cluster, then a {@code Kubernetes} compute target
 * naming the cluster (learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-anywhere,
 * how-to-deploy-kubernetes-extension, how-to-attach-kubernetes-to-workspace).
 *
 * <p>Why not the {@code AKS} compute type that API 2023-04-01 also has ({@code loadBalancerType},
 * {@code loadBalancerSubnet}, {@code clusterPurpose}): it is the legacy {@code AksCompute} target of the v1 CLI and SDK
 * (the v1 CLI extension's support ended on 30 September 2025; learn.microsoft.com/azure/machine-learning/v1/how-to-deploy-azure-kubernetes-service),
 * and the attach page compares it with {@code KubernetesCompute} as the legacy one. Online endpoints (v2) deploy only
 * to {@code Kubernetes} compute. The zero-trust properties the legacy type set on the compute are here extension
 * settings ({@link #extensionSettings}): the inference router ({@code azureml-fe}) listens on an Azure
 * <b>internal</b> load balancer ({@code inferenceRouterServiceType: loadBalancer},
 * {@code internalLoadBalancerProvider: azure}), in the node subnet the control plane already holds Network
 * Contributor on, and serves HTTPS only ({@code allowInsecureConnections: False} with the stack's certificate secret).
 * The policy pack refuses an {@code AKS} compute with a public load balancer and an extension without these settings.
 *
 * <p>Limitation the cluster pays: "Disabling local accounts for AKS is not supported by Azure Machine Learning"
 * (how-to-deploy-kubernetes-extension, Limitations). A cluster built with {@code settings.machineLearning} therefore
 * keeps local accounts ({@link AksSettings#localAccountsRequired}); fetching the admin kubeconfig still needs the
 * Azure RBAC action {@code listClusterAdminCredential} (held by Owner, Contributor and the AKS Cluster Admin role),
 * and the Kubernetes audit log records its use. Turn the attachment off ({@code aks.machineLearning.attach: false})
 * to keep local accounts disabled.
 *
 * <p>Identity: the workspace's system-assigned identity gets Reader on the cluster, the role the attach page lists
 * for the workspace identity on an AKS cluster (Azure Relay Owner is for Arc clusters only). The compute disables
 * local (key) authentication. The namespace is {@value #NAMESPACE}, which exists in every cluster (the attach page
 * requires the namespace to exist before attaching).
 *
 * <p>Egress: the extension's agents call the cluster extensions data plane and the regional Azure ML service from the
 * node subnet ({@link #firewallContribution}); the workspace API, its storage and the registry are behind private
 * endpoints in the hub. Not admitted: {@code *.kusto.windows.net}, {@code *.table.core.windows.net} and
 * {@code *.queue.core.windows.net}, which the firewall page lists for uploading the extension's system logs to
 * Microsoft: storage wildcards would let the cluster write to any account in Azure. Without them Microsoft support
 * lacks those logs; the cluster's own diagnostics still go to Log Analytics.
 */
public class MachineLearningInference extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "ztplatform:aks:MachineLearningInference";
    /** The Azure Machine Learning cluster extension's type. */
    public static final String EXTENSION_TYPE = "microsoft.azureml.kubernetes";
    /** The extension's name on the cluster. */
    public static final String EXTENSION_NAME = "azureml";
    /** The compute target's name in the workspace. */
    public static final String COMPUTE_NAME = "aks-inference";
    /** The Kubernetes namespace inference deployments run in. */
    public static final String NAMESPACE = "default";
    /** Built-in role Reader (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
    public static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    /** The owner of the firewall contribution. */
    public static final String OWNER = "aks-ml-inference";

    private final Compute compute;

    /**
     * Installs the extension, grants the workspace identity and attaches the cluster.
     *
     * @param name    logical name
     * @param args    the arguments
     * @param options component options (parent, providers)
     * @throws IllegalArgumentException listing every problem of {@code args}
     */
    public MachineLearningInference(String name, MachineLearningInferenceArgs args,
                                    @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("MachineLearningInference", name, args.problems());
        var cluster = args.cluster();
        var extension = new Extension(name + "-extension", ExtensionArgs.builder()
                .resourceGroupName(cluster.resourceGroupName())
                .clusterRp("Microsoft.ContainerService")
                .clusterResourceName("managedClusters")
                .clusterName(cluster.clusterName())
                .extensionName(EXTENSION_NAME)
                .extensionType(EXTENSION_TYPE)
                .releaseTrain("stable")
                .autoUpgradeMinorVersion(true)
                .identity(IdentityArgs.builder().type(ResourceIdentityType.SystemAssigned).build())
                .configurationSettings(extensionSettings(args.settings()))
                .build(), CustomResourceOptions.builder().parent(this).build());
        var reader = RoleGrants.assign(name + "-workspace-reader", cluster.clusterId(), args.workspacePrincipalId(),
                READER, "The machine learning workspace reads the AKS cluster it deploys inference endpoints to", this);
        this.compute = new Compute(name + "-compute", ComputeArgs.builder()
                .resourceGroupName(args.workspaceResourceGroupName())
                .workspaceName(args.workspaceName())
                .computeName(COMPUTE_NAME)
                .location(args.location())
                .properties(KubernetesArgs.builder()
                        .computeType("Kubernetes")
                        .resourceId(cluster.clusterId())
                        .disableLocalAuth(true)
                        .description("The platform's private AKS cluster: inference behind an internal load balancer")
                        .properties(KubernetesPropertiesArgs.builder().namespace(NAMESPACE).build())
                        .build())
                .tags(args.common().sortedTags())
                .build(), CustomResourceOptions.builder().parent(this).protect(args.common().protect())
                .dependsOn(List.of(extension, reader)).build());
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("computeId", compute.id());
        registerOutputs(outputs);
    }

    /**
     * The Azure ML extension's settings for inference only, behind an internal load balancer, HTTPS only
     * (learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension, "Review Azure Machine Learning
     * extension config settings"). The values are strings, as the extension reads them.
     *
     * @param settings the TLS name and secret
     * @return the settings, sorted by key
     */
    public static Map<String, String> extensionSettings(InferenceSettings settings) {
        var m = new TreeMap<String, String>();
        m.put("enableInference", "True");
        m.put("enableTraining", "False");
        m.put("inferenceRouterServiceType", "loadBalancer");
        m.put("internalLoadBalancerProvider", "azure");
        m.put("allowInsecureConnections", "False");
        m.put("sslCname", settings.tlsCname());
        m.put("sslSecret", settings.tlsSecret());
        m.put("inferenceRouterHA", "True");
        return m;
    }

    /**
     * What the extension's agents reach from the node subnet ({@link SourceGroups#AKS}), HTTPS only: the cluster
     * extensions data plane of the region (learn.microsoft.com/azure/aks/outbound-rules-control-egress, "Cluster
     * extensions") and the regional Azure ML service API (learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall,
     * "Kubernetes Compute"). The workspace's own API host is reached through its private endpoint.
     *
     * @param region the region, like westeurope
     * @return the contribution
     */
    public static RuleContribution firewallContribution(String region) {
        var r = region.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        var src = List.of(SourceGroups.AKS);
        var rules = List.<FirewallRule>of(
                new FirewallRule.ApplicationRule("cluster-extensions", src,
                        List.of(r + ".dp.kubernetesconfiguration.azure.com"), List.of("Https:443"),
                        "Azure ML extension on AKS: the cluster extensions data plane, where the extension agent fetches "
                                + "its configuration and reports status (learn.microsoft.com/azure/aks/outbound-rules-control-egress)"),
                new FirewallRule.ApplicationRule("azureml-service", src,
                        List.of(r + ".api.azureml.ms", r + ".experiments.azureml.net"), List.of("Https:443"),
                        "Azure ML extension on AKS: the regional Azure ML service API that deploys and scores inference "
                                + "endpoints (learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall)"));
        return new RuleContribution(OWNER, List.of(new RuleCollection("extension", 120, rules)));
    }

    /**
     * The compute target's ARM id.
     *
     * @return the id
     */
    public Output<String> computeId() {
        return compute.id();
    }
}
