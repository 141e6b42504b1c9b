package com.ztplatform.stack;

import com.ztplatform.components.ai.MachineLearningWorkspace;
import com.ztplatform.components.aks.AksEgress;
import com.ztplatform.components.aks.MachineLearningInference;
import com.ztplatform.components.databricks.DatabricksSpoke;
import com.ztplatform.components.databricks.SpokeLayout;
import com.ztplatform.components.firewall.EgressPlan;
import com.ztplatform.components.integration.PrivateFunctionApp;
import com.ztplatform.components.landing.OneLakeLanding;
import com.ztplatform.components.serverless.ServerlessRouter;
import com.ztplatform.stack.config.StackConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stack will build, computed from the validated configuration before any resource exists: the firewall's
 * egress plan (every source subnet and every contributed rule collection) and every address space peered with the
 * hub. The components are then handed these values, so none of them changes another after construction.
 *
 * @param egress        what the firewall admits: the workload spokes' Databricks subnets, the serverless router's
 *                      subnet and forwards, the landing's direct-mode rules, the machine learning compute subnet
 *                      and its documented destinations, the function app's integration subnet (a group without
 *                      rules), the AKS node subnet and its required hosts (with the Azure ML extension's hosts
 *                      when the cluster is attached to the workspace)
 * @param spokePrefixes every VNet peered with the hub (workload spokes, web-auth spoke, serverless router, ML compute,
 *                      integration, AKS), in
 *                      configuration order: the VPN gateway routes each through the firewall
 */
public record PlatformPlan(EgressPlan egress, List<String> spokePrefixes) {
    /**
     * Copies the prefixes, so the plan cannot change once the components have it.
     *
     * @param egress        what the firewall admits
     * @param spokePrefixes every VNet peered with the hub, in configuration order
     */
    public PlatformPlan {
        spokePrefixes = List.copyOf(spokePrefixes);
    }

    /**
     * The plan of a validated configuration (a layout that does not fit was already reported by the loader).
     *
     * @param config the validated stack configuration
     * @return the egress plan and the peered prefixes, before any resource exists
     */
    public static PlatformPlan of(StackConfig config) {
        return new PlatformPlan(egress(config), spokePrefixes(config));
    }

    /** The firewall's egress plan. */
    static EgressPlan egress(StackConfig config) {
        var plan = EgressPlan.builder();
        for (var spoke : config.spokes()) {
            plan.sources(DatabricksSpoke.egressSources(spoke.name(), SpokeLayout.carve(spoke.addressSpace(),
                    spoke.hostSubnetPrefix(), spoke.containerSubnetPrefix(), spoke.privateEndpointSubnetPrefix())));
        }
        config.serverlessRouter().ifPresent(r -> plan
                .sources(ServerlessRouter.egressSources(r.addressSpace()))
                .contribution(ServerlessRouter.firewallContribution(r.forwards())));
        config.landing().flatMap(l -> OneLakeLanding.firewallContribution(l.settings())).ifPresent(plan::contribution);
        config.ai().flatMap(StackConfig.Ai::machineLearning).ifPresent(ml -> plan
                .sources(MachineLearningWorkspace.egressSources(ml.computeAddressSpace()))
                .contribution(MachineLearningWorkspace.firewallContribution(config.location(),
                        highBusinessImpact(config))));
        config.integration().ifPresent(i -> {
            plan.sources(PrivateFunctionApp.egressSources(i.addressSpace()));
            PrivateFunctionApp.firewallContribution().ifPresent(plan::contribution);
        });
        config.aks().ifPresent(a -> {
            plan.sources(AksEgress.egressSources(a.addressSpace())).contribution(AksEgress.firewallContribution());
            // Attached to the ML workspace: the Azure ML extension's agents reach their control planes from the nodes.
            a.machineLearning().ifPresent(m -> plan.contribution(
                    MachineLearningInference.firewallContribution(config.location())));
        });
        return plan.build();
    }

    /**
     * Whether the stack declares confidential data: {@code tags.dataClassification} confidential or restricted. The
     * machine learning workspace is then created high business impact (and its compute needs the Batch vault's tag).
     *
     * @param config the validated configuration
     * @return whether the stack's data is confidential or more
     */
    public static boolean highBusinessImpact(StackConfig config) {
        var classes = StackConfig.MandatoryTags.CLASSIFICATIONS;
        return classes.indexOf(config.tags().dataClassification()) >= classes.indexOf("confidential");
    }

    /** Every VNet the stack peers with the hub: spokes, the web-auth workspace, the serverless router. */
    static List<String> spokePrefixes(StackConfig config) {
        var prefixes = new ArrayList<String>();
        config.spokes().forEach(s -> prefixes.add(s.addressSpace().toString()));
        config.webAuth().ifPresent(w -> prefixes.add(w.addressSpace().toString()));
        config.serverlessRouter().ifPresent(r -> prefixes.add(r.addressSpace()));
        config.ai().flatMap(StackConfig.Ai::machineLearning).ifPresent(ml -> prefixes.add(ml.computeAddressSpace()));
        config.integration().ifPresent(i -> prefixes.add(i.addressSpace()));
        config.aks().ifPresent(a -> prefixes.add(a.addressSpace()));
        return prefixes;
    }
}
