package com.ztplatform.components.network;

import com.ztplatform.components.naming.Guids;
import com.ztplatform.components.addressing.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Point-to-site VPN gateway with Microsoft Entra ID authentication (OpenVPN protocol only: certificate and
 * RADIUS authentication are deliberately not offered).
 *
 * @param clientAddressPool CIDR handed to VPN clients; must not overlap the hub or any spoke, like 172.16.200.0/24
 * @param tenantId          Entra tenant id (GUID) whose users may connect
 * @param audience          application id of the Azure VPN Client registration. Default:
 *                          {@value #MICROSOFT_REGISTERED_AUDIENCE}, the Microsoft-registered Azure VPN Client
 *                          app (learn.microsoft.com/azure/vpn-gateway/point-to-site-entra-gateway)
 * @param sku               gateway SKU. Default: {@value #DEFAULT_SKU} (zone-redundant). The Basic SKU is rejected:
 *                          it supports neither OpenVPN nor Entra ID authentication.
 */
public record VpnOptions(String clientAddressPool, String tenantId, String audience, String sku) {

    /** Application id of the Microsoft-registered Azure VPN Client app, the default {@code audience}. */
    public static final String MICROSOFT_REGISTERED_AUDIENCE = "c632b3df-fb67-4d84-bdcf-b95ad541b5c8";
    /** Default gateway SKU: VpnGw1AZ, the smallest zone-redundant SKU that supports OpenVPN with Entra ID. */
    public static final String DEFAULT_SKU = "VpnGw1AZ";
    static final Set<String> SKUS = Set.of(
            "VpnGw1", "VpnGw2", "VpnGw3", "VpnGw4", "VpnGw5",
            "VpnGw1AZ", "VpnGw2AZ", "VpnGw3AZ", "VpnGw4AZ", "VpnGw5AZ");

    /**
     * Applies the defaults of {@code audience} and {@code sku}; {@link #problems} checks the values.
     *
     * @param clientAddressPool CIDR handed to VPN clients, like 172.16.200.0/24 (required)
     * @param tenantId          Entra tenant id (required)
     * @param audience          Azure VPN Client application id; null means {@value #MICROSOFT_REGISTERED_AUDIENCE}
     * @param sku               gateway SKU; null means {@value #DEFAULT_SKU}
     */
    public VpnOptions {
        Objects.requireNonNull(clientAddressPool, "clientAddressPool");
        Objects.requireNonNull(tenantId, "tenantId");
        audience = audience == null ? MICROSOFT_REGISTERED_AUDIENCE : audience;
        sku = sku == null ? DEFAULT_SKU : sku;
    }

    /**
     * Whether the SKU is zone-redundant (an AZ SKU), which needs a zone-redundant Standard public IP.
     *
     * @return true for the VpnGw*AZ SKUs
     */
    public boolean zoneRedundant() {
        return sku.endsWith("AZ");
    }

    /**
     * Generation2 exists only from VpnGw2 upwards; VpnGw1(AZ) is Generation1.
     *
     * @return Generation1 for VpnGw1 and VpnGw1AZ, Generation2 otherwise
     */
    public String generation() {
        return sku.startsWith("VpnGw1") ? "Generation1" : "Generation2";
    }

    /**
     * Every problem, each starting with {@code path}: the client pool CIDR, the tenant and audience GUIDs, the SKU.
     *
     * @param path prefix of every message, like hub.vpn
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        Cidr.problem(clientAddressPool).ifPresent(p -> problems.add(path + ".clientAddressPool " + p));
        if (!Guids.isGuid(tenantId)) {
            problems.add(path + ".tenantId must be an Entra tenant GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47, got '"
                    + tenantId + "'");
        }
        if (!Guids.isGuid(audience)) {
            problems.add(path + ".audience must be an application id GUID like " + MICROSOFT_REGISTERED_AUDIENCE
                    + ", got '" + audience + "'");
        }
        if (!SKUS.contains(sku)) {
            problems.add(path + ".sku must be one of " + String.join(", ", SKUS.stream().sorted().toList())
                    + " (Basic supports neither OpenVPN nor Entra ID), got '" + sku + "'");
        }
        return problems;
    }
}
