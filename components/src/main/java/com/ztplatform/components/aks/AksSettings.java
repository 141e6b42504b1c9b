package com.ztplatform.components.aks;

import com.ztplatform.components.addressing.Cidr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a stack decides about its private AKS cluster: the spoke it lives in and its one (system) node pool.
 *
 * @param addressSpace        the cluster's spoke VNet, /16 to /23, like 10.120.0.0/22; the node subnet is its first
 *                            half (Azure CNI gives every pod a VNet address, so the subnet holds
 *                            {@code nodes x (maxPods + 1)} addresses, plus one surge node during upgrades)
 * @param nodeCount           nodes of the system pool, 1 to 10. Default: {@value #DEFAULT_NODE_COUNT}
 * @param vmSize              the nodes' VM size. Default: {@value #DEFAULT_VM_SIZE}
 * @param zones               availability zones the nodes are spread over; empty for none
 * @param adminGroupObjectIds Entra ID groups that are cluster admins; empty means access only through Azure RBAC
 *                            role assignments on the cluster (Azure Kubernetes Service RBAC roles)
 * @param machineLearning     present when the cluster is attached to the stack's machine learning workspace as
 *                            inference compute ({@link MachineLearningInference}); empty for a cluster of its own
 */
public record AksSettings(String addressSpace, int nodeCount, String vmSize, List<String> zones,
                          List<String> adminGroupObjectIds, java.util.Optional<InferenceSettings> machineLearning) {
    /** System pool size: three nodes survive one zone's loss and an upgrade's drain. */
    public static final int DEFAULT_NODE_COUNT = 3;
    /**
     * 4 vCPU / 16 GiB with a local temporary disk: a system pool runs CoreDNS, konnectivity, metrics and the CSI
     * drivers, for which AKS recommends at least 4 vCPUs in production
     * (learn.microsoft.com/azure/aks/use-system-pools).
     */
    public static final String DEFAULT_VM_SIZE = "Standard_D4ds_v5";
    /** Pods per node (Azure CNI reserves this many subnet addresses per node up front). */
    public static final int MAX_PODS = 30;
    /** Most nodes this settings record accepts for the one pool (the subnet of a /23 space holds about 8). */
    public static final int MAX_NODES = 10;

    private static final Pattern VM_SIZE = Pattern.compile("^Standard_[A-Za-z0-9_]+$");
    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /**
     * Copies the lists.
     *
     * @param addressSpace        the cluster's spoke VNet
     * @param nodeCount           nodes of the system pool
     * @param vmSize              the nodes' VM size
     * @param zones               availability zones
     * @param adminGroupObjectIds Entra ID admin groups
     * @param machineLearning     the inference attachment, or empty
     */
    public AksSettings {
        zones = List.copyOf(Objects.requireNonNull(zones, "zones"));
        adminGroupObjectIds = List.copyOf(Objects.requireNonNull(adminGroupObjectIds, "adminGroupObjectIds"));
        Objects.requireNonNull(machineLearning, "machineLearning");
    }

    /**
     * A cluster not attached to a machine learning workspace.
     *
     * @param addressSpace        the cluster's spoke VNet
     * @param nodeCount           nodes of the system pool
     * @param vmSize              the nodes' VM size
     * @param zones               availability zones
     * @param adminGroupObjectIds Entra ID admin groups
     */
    public AksSettings(String addressSpace, int nodeCount, String vmSize, List<String> zones,
                       List<String> adminGroupObjectIds) {
        this(addressSpace, nodeCount, vmSize, zones, adminGroupObjectIds, java.util.Optional.empty());
    }

    /**
     * Whether the cluster keeps local accounts: only when Azure Machine Learning is attached, because its extension
     * does not support clusters with local accounts disabled (learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension,
     * "Limitations"). Otherwise local accounts are off.
     *
     * @return true when the cluster must keep local accounts
     */
    public boolean localAccountsRequired() {
        return machineLearning.isPresent();
    }

    /**
     * The node subnet: the first half of the address space.
     *
     * @param addressSpace the cluster's spoke VNet, like 10.120.0.0/22
     * @return the node subnet, like 10.120.0.0/23
     */
    public static Cidr nodeSubnet(String addressSpace) {
        var space = Cidr.parse(addressSpace);
        return space.split(space.prefixLength() + 1).get(0);
    }

    /**
     * Subnet addresses the pool needs with Azure CNI: one per node and {@value #MAX_PODS} per node for pods, for every
     * node plus the one surge node of an upgrade (learn.microsoft.com/azure/aks/configure-azure-cni#plan-ip-addressing-for-your-cluster).
     *
     * @param nodeCount nodes of the pool
     * @return addresses needed in the node subnet
     */
    public static long addressesNeeded(int nodeCount) {
        return (long) (nodeCount + 1) * (MAX_PODS + 1);
    }

    /**
     * Every problem, each starting with {@code path} (empty or ending with '.') and showing a valid example.
     *
     * @param path prefix of the keys, like {@code zt-databricks:aks.}
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        var cidr = addressSpace == null ? java.util.Optional.of("must be an IPv4 CIDR like 10.120.0.0/22, got 'null'")
                : Cidr.problem(addressSpace);
        if (cidr.isPresent()) {
            problems.add(path + "addressSpace " + cidr.get());
        } else {
            int prefix = Cidr.parse(addressSpace).prefixLength();
            if (prefix < 16 || prefix > 23) {
                problems.add(path + "addressSpace must be /16 to /23 (Azure CNI gives every pod a VNet address), like "
                        + "10.120.0.0/22, got " + addressSpace);
            } else if (nodeSubnet(addressSpace).size() - 5 < addressesNeeded(Math.max(1, nodeCount))) {
                // Azure keeps five addresses of every subnet.
                problems.add(path + "addressSpace " + addressSpace + " leaves " + (nodeSubnet(addressSpace).size() - 5)
                        + " node-subnet addresses, but " + nodeCount + " nodes with " + MAX_PODS + " pods each (and one "
                        + "upgrade surge node) need " + addressesNeeded(nodeCount) + "; use a larger space like 10.120.0.0/22");
            }
        }
        if (nodeCount < 1 || nodeCount > MAX_NODES) {
            problems.add(path + "nodeCount must be 1 to " + MAX_NODES + ", like " + DEFAULT_NODE_COUNT + ", got " + nodeCount);
        }
        if (vmSize == null || !VM_SIZE.matcher(vmSize).matches()) {
            problems.add(path + "vmSize must be an Azure VM size like " + DEFAULT_VM_SIZE + ", got '" + vmSize + "'");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            var z = zones.get(i);
            if (!List.of("1", "2", "3").contains(z) || !seen.add(z)) {
                problems.add(path + "zones[" + i + "] must be one of \"1\", \"2\", \"3\", each once, like [\"1\", \"2\", \"3\"], "
                        + "got '" + z + "'");
            }
        }
        for (int i = 0; i < adminGroupObjectIds.size(); i++) {
            var g = adminGroupObjectIds.get(i);
            if (g == null || !GUID.matcher(g).matches()) {
                problems.add(path + "adminGroupObjectIds[" + i + "] must be an Entra ID group object id like "
                        + "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9, got '" + g + "'");
            }
        }
        machineLearning.ifPresent(m -> problems.addAll(m.problems(path + "machineLearning.")));
        return problems;
    }
}
