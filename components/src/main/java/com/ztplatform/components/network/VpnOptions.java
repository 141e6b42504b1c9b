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

    public static final String MICROSOFT_REGISTERED_AUDIENCE = "c632b3df-fb67-4d84-bdcf-b95ad541b5c8";
    public static final String DEFAULT_SKU = "VpnGw1AZ";
    static final Set<String> SKUS = Set.of(
            "VpnGw1", "VpnGw2", "VpnGw3", "VpnGw4", "VpnGw5",
            "VpnGw1AZ", "VpnGw2AZ", "VpnGw3AZ", "VpnGw4AZ", "VpnGw5AZ");

    public VpnOptions {
        Objects.requireNonNull(clientAddressPool, "clientAddressPool");
        Objects.requireNonNull(tenantId, "tenantId");
        audience = audience == null ? MICROSOFT_REGISTERED_AUDIENCE : audience;
        sku = sku == null ? DEFAULT_SKU : sku;
    }

    public boolean zoneRedundant() {
        return sku.endsWith("AZ");
    }

    /** Generation2 exists only from VpnGw2 upwards; VpnGw1(AZ) is Generation1. */
    public String generation() {
        return sku.startsWith("VpnGw1") ? "Generation1" : "Generation2";
    }

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
