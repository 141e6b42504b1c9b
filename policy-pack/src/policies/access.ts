// Human and operator access paths: Azure Bastion without shareable links or IP-based connect, the P2S VPN with
// Entra ID authentication only, Linux VMs without passwords, and production's stateful resources protected from
// deletion. Facts: Bastion shareable links (learn.microsoft.com/azure/bastion/shareable-link), IP-based connection
// (learn.microsoft.com/azure/bastion/connect-ip-address), P2S Entra ID authentication needs OpenVPN
// (learn.microsoft.com/azure/vpn-gateway/openvpn-azure-ad-tenant), Pulumi `protect` (pulumi.com/docs/iac/concepts/options/protect).

import { isProduction, PRODUCTION_STACKS_SCHEMA } from "../lib/environment";
import { resourcePolicy } from "../lib/policy";
import { T } from "../lib/stackindex";
import { arr, eqi, get, isTrue, label, present, show, str } from "../lib/values";

export const bastionNoLinkOrIpConnect = resourcePolicy({
    name: "bastion-no-shareable-link-or-ip-connect",
    description: "Azure Bastion must not enable shareable links (anyone holding the link reaches the VM without Azure "
        + "sign-in) or IP-based connect (sessions to any reachable address, peered and on-premises included).",
    types: [T.bastionHost],
    validate: (args, report, guard) => {
        const who = label(args.type, args.name, str(args.props.bastionHostName));
        guard("enableShareableLink", () => {
            if (isTrue(args.props.enableShareableLink)) {
                report(`${who} has enableShareableLink true: a link alone would open sessions to VMs. Set it to false.`);
            }
        });
        guard("enableIpConnect", () => {
            if (isTrue(args.props.enableIpConnect)) {
                report(`${who} has enableIpConnect true: sessions could target any IP the hub reaches. Set it to false.`);
            }
        });
    },
});

export const vpnGatewayEntraOnly = resourcePolicy({
    name: "vpn-gateway-entra-id-only",
    description: "Point-to-site VPN authenticates with Entra ID only (vpnAuthenticationTypes ['AAD'], OpenVPN): no "
        + "certificate or RADIUS paths that bypass Conditional Access.",
    types: [T.vnetGateway],
    validate: (args, report, guard) => {
        guard("vpnClientConfiguration", () => {
            if (!present(args.props, "vpnClientConfiguration")) {
                return;
            }
            const who = label(args.type, args.name, str(args.props.virtualNetworkGatewayName));
            const auth = arr<string>(get(args.props, "vpnClientConfiguration.vpnAuthenticationTypes"));
            if (auth.length === 0 || !auth.every(a => eqi(a, "AAD"))) {
                report(`${who} has vpnClientConfiguration.vpnAuthenticationTypes ${show(auth)}: clients could connect without `
                    + "Entra ID (and its Conditional Access). Set it to ['AAD'] with the tenant's aadTenant/aadIssuer/aadAudience.");
            }
            if (arr(get(args.props, "vpnClientConfiguration.vpnClientRootCertificates")).length > 0
                || arr(get(args.props, "vpnClientConfiguration.radiusServers")).length > 0
                || present(args.props, "vpnClientConfiguration.radiusServerAddress")) {
                report(`${who} declares client root certificates or RADIUS servers: a second way in beside Entra ID. Remove them.`);
            }
        });
    },
});

const VM = "azure-native:compute:VirtualMachine";

export const vmNoPasswordAuth = resourcePolicy({
    name: "vm-no-password-auth",
    description: "Linux VMs use SSH keys only: disablePasswordAuthentication true and no adminPassword.",
    types: [VM],
    validate: (args, report, guard) => {
        guard("osProfile", () => {
            const who = label(args.type, args.name, str(args.props.vmName));
            const linux = get(args.props, "osProfile.linuxConfiguration");
            if (linux === undefined) {
                return; // Windows (or an image-defined profile): passwords are Windows' model; Bastion is the only path in
            }
            if (!isTrue(get(args.props, "osProfile.linuxConfiguration.disablePasswordAuthentication"))) {
                report(`${who} has osProfile.linuxConfiguration.disablePasswordAuthentication `
                    + `${show(get(args.props, "osProfile.linuxConfiguration.disablePasswordAuthentication"))}. Set it to true and `
                    + "log in with SSH keys through Bastion.");
            }
            if (present(args.props, "osProfile.adminPassword")) {
                report(`${who} sets osProfile.adminPassword on a Linux VM. Remove it; use SSH public keys.`);
            }
        });
    },
});

const DES = "azure-native:compute:DiskEncryptionSet";
/** Disk encryption set types whose disks are wrapped by a customer-managed key (Microsoft.Compute DiskEncryptionSetType). */
const CUSTOMER_KEY_TYPES = ["EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformAndCustomerKeys",
    "ConfidentialVmEncryptedWithCustomerKey"];

// Server-side encryption with customer-managed keys goes through a disk encryption set
// (learn.microsoft.com/azure/virtual-machines/disk-encryption); encryption at host also covers the temporary disk and
// the caches, which server-side encryption alone leaves under platform keys
// (learn.microsoft.com/azure/virtual-machines/disk-encryption-overview). A set with automatic key version updates
// follows the key's rotations (learn.microsoft.com/azure/virtual-machines/disk-encryption#automatic-key-rotation-of-customer-managed-keys).
export const vmDiskEncryptionCmk = resourcePolicy({
    name: "vm-disk-encryption-cmk",
    description: "VMs encrypt at host and keep their OS and data disks under a customer-managed key (a disk encryption "
        + "set); disk encryption sets use a customer-managed key and follow its rotations.",
    types: [VM, DES],
    validate: (args, report, guard) => {
        if (args.type === DES) {
            const who = label(args.type, args.name, str(args.props.diskEncryptionSetName));
            guard("encryptionType", () => {
                const type = args.props.encryptionType;
                if (!CUSTOMER_KEY_TYPES.some(t => eqi(type, t))) {
                    report(`${who} has encryptionType ${show(type)}: its disks would not be under the customer-managed `
                        + "key. Set it to 'EncryptionAtRestWithCustomerKey'.");
                }
            });
            guard("rotationToLatestKeyVersionEnabled", () => {
                if (!isTrue(args.props.rotationToLatestKeyVersionEnabled)) {
                    report(`${who} has rotationToLatestKeyVersionEnabled ${show(args.props.rotationToLatestKeyVersionEnabled)}: `
                        + "disks would stay on the key version of the day the set was made after the key rotates. Set it to true.");
                }
            });
            return;
        }
        const who = label(args.type, args.name, str(args.props.vmName));
        guard("securityProfile.encryptionAtHost", () => {
            if (!isTrue(get(args.props, "securityProfile.encryptionAtHost"))) {
                report(`${who} has securityProfile.encryptionAtHost ${show(get(args.props, "securityProfile.encryptionAtHost"))}: `
                    + "its temporary disk and disk caches would be under platform keys only. Set it to true (the "
                    + "subscription's Microsoft.Compute/EncryptionAtHost feature must be registered).");
            }
        });
        guard("storageProfile.osDisk", () => {
            if (get(args.props, "storageProfile.osDisk.managedDisk.diskEncryptionSet") === undefined) {
                report(`${who} has no storageProfile.osDisk.managedDisk.diskEncryptionSet: its OS disk would be under a `
                    + "platform-managed key. Name a disk encryption set over the platform vault's key.");
            }
        });
        guard("storageProfile.dataDisks", () => {
            arr(get(args.props, "storageProfile.dataDisks")).forEach((disk, i) => {
                if (get(disk, "managedDisk.diskEncryptionSet") === undefined) {
                    report(`${who} has no storageProfile.dataDisks[${i}].managedDisk.diskEncryptionSet: that data disk `
                        + "would be under a platform-managed key. Name a disk encryption set over the platform vault's key.");
                }
            });
        });
    },
});

/** Stateful resources whose deletion loses data or keys: protected from `pulumi destroy`/replacement in production. */
export const PROTECTED_IN_PRODUCTION = [T.keyVault, "azure-native:keyvault:Key", T.storageAccount, T.databricksWorkspace];

export const productionStateProtected = resourcePolicy({
    name: "production-state-protected",
    description: "In production, Key Vaults, keys, storage accounts and Databricks workspaces carry the `protect` resource "
        + "option, so no update can delete or replace them by accident.",
    types: PROTECTED_IN_PRODUCTION,
    config: { productionStacks: PRODUCTION_STACKS_SCHEMA },
    validate: (args, report) => {
        if (isProduction(args.urn, args.getConfig()) && !args.opts.protect) {
            report(`${label(args.type, args.name)} is not protected in a production stack: a replacement or destroy would `
                + "delete its data or keys. Set the resource option protect (the stack's 'protect' config).");
        }
    },
});

export const accessPolicies = [bastionNoLinkOrIpConnect, vpnGatewayEntraOnly, vmNoPasswordAuth, vmDiskEncryptionCmk,
    productionStateProtected];

