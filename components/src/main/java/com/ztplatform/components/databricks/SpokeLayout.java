package com.ztplatform.components.databricks;

import com.ztplatform.components.addressing.Cidr;
import com.ztplatform.components.addressing.SubnetCarver;
import com.ztplatform.components.addressing.SubnetLayout;
import com.ztplatform.components.addressing.SubnetSlot;

import java.util.ArrayList;
import java.util.List;

/**
 * A Databricks spoke's subnet layout: the host (public) and container (private) subnets that VNet injection
 * needs, then the spoke's private-endpoint subnet.
 */
public final class SpokeLayout {
    /** The host (public) subnet's name. */
    public static final String HOST = "snet-dbx-host";
    /** The container (private) subnet's name. */
    public static final String CONTAINER = "snet-dbx-container";
    /** The spoke's private-endpoint subnet's name. */
    public static final String PRIVATE_ENDPOINTS = "snet-private-endpoints";

    /** Azure Databricks needs at least /26 for each of the host and container subnets. */
    public static final int LARGEST_DATABRICKS_PREFIX = 26;
    /** The host and container subnets' size when none is set. */
    public static final int DEFAULT_DATABRICKS_PREFIX = 26;
    /** The private-endpoint subnet's size when none is set. */
    public static final int DEFAULT_PRIVATE_ENDPOINT_PREFIX = 27;

    private SpokeLayout() {
    }

    /**
     * The spoke's subnet slots, in placement order.
     *
     * @param hostPrefix            the host subnet's prefix length
     * @param containerPrefix       the container subnet's prefix length
     * @param privateEndpointPrefix the private-endpoint subnet's prefix length
     * @return host, container and private-endpoint slots
     */
    public static List<SubnetSlot> slots(int hostPrefix, int containerPrefix, int privateEndpointPrefix) {
        return List.of(
                new SubnetSlot(HOST, hostPrefix, true, null),
                new SubnetSlot(CONTAINER, containerPrefix, true, null),
                new SubnetSlot(PRIVATE_ENDPOINTS, privateEndpointPrefix, true, null));
    }

    /**
     * The spoke's layout.
     *
     * @param addressSpace          the spoke VNet's address space
     * @param hostPrefix            the host subnet's prefix length
     * @param containerPrefix       the container subnet's prefix length
     * @param privateEndpointPrefix the private-endpoint subnet's prefix length
     * @return every subnet's block
     * @throws com.ztplatform.components.addressing.LayoutException when they do not fit
     */
    public static SubnetLayout carve(Cidr addressSpace, int hostPrefix, int containerPrefix, int privateEndpointPrefix) {
        return SubnetCarver.carve(addressSpace, slots(hostPrefix, containerPrefix, privateEndpointPrefix));
    }

    /**
     * Size problems, each naming the field under {@code path} (empty or ending with '.').
     *
     * @param path                  prefix of the fields in messages, like {@code zt-databricks:spokes[0].}
     * @param hostPrefix            the host subnet's prefix length
     * @param containerPrefix       the container subnet's prefix length
     * @param privateEndpointPrefix the private-endpoint subnet's prefix length
     * @return the problems; empty when the sizes are valid
     */
    public static List<String> sizeProblems(String path, int hostPrefix, int containerPrefix, int privateEndpointPrefix) {
        var problems = new ArrayList<String>();
        checkDatabricks(problems, path + "hostSubnetPrefix", hostPrefix);
        checkDatabricks(problems, path + "containerSubnetPrefix", containerPrefix);
        if (hostPrefix != containerPrefix && hostPrefix >= 16 && containerPrefix >= 16) {
            // This problem concerns two fields, so it names their parent object, like "spokes[0]: ...".
            var owner = path.isEmpty() ? "" : path.substring(0, path.length() - 1) + ": ";
            problems.add(owner + "hostSubnetPrefix /" + hostPrefix + " and containerSubnetPrefix /" + containerPrefix
                    + " differ; Databricks sizes clusters by the smaller one, so use the same size, like 26 and 26");
        }
        if (privateEndpointPrefix < 24 || privateEndpointPrefix > 28) {
            problems.add(path + "privateEndpointSubnetPrefix must be between 24 and 28, like 27, got "
                    + privateEndpointPrefix);
        }
        return problems;
    }

    private static void checkDatabricks(List<String> problems, String field, int prefix) {
        if (prefix > LARGEST_DATABRICKS_PREFIX) {
            problems.add(field + " /" + prefix + " is too small: Azure Databricks needs at least /26 per subnet, like 26");
        } else if (prefix < 16) {
            problems.add(field + " /" + prefix + " is larger than Azure Databricks uses (/16 at most), like 24");
        }
    }
}
