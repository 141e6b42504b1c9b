// Every policy of the pack, once. src/index.ts serves them; the offline runner and the tests import them from here.

import type { Policies } from "@pulumi/policy";
import { accessPolicies } from "./access";
import { aiPolicies } from "./ai";
import { aksPolicies } from "./aks";
import { alertsPolicies } from "./alerts";
import { azurePolicyPolicies } from "./azurepolicy";
import { databricksPolicies } from "./databricks";
import { dbxPlatformResourcePolicies, dbxPlatformStackPolicies } from "./dbxplatform";
import { identityPolicies } from "./identity";
import { integrationPolicies } from "./integration";
import { monitoringPolicies } from "./monitoring";
import { topologyPolicies } from "./topology";
import { firewallPolicies } from "./firewall";
import { governancePolicies } from "./governance";
import { keyVaultPolicies } from "./keyvault";
import { lakePolicies } from "./lake";
import { sharingPolicies } from "./sharing";
import { networkPolicies } from "./network";
import { privateLinkPolicies } from "./privatelink";
import { stackPolicies } from "./stack";
import { storagePolicies } from "./storage";
import { unityCatalogPolicies } from "./unitycatalog";

export const PACK_NAME = "zt-databricks-zero-trust";
/** Same as package.json "version" (a test holds them equal); the engine names the pack "<name>@v<version>". */
export const PACK_VERSION = "1.0.0";

export const allPolicies: Policies = [
    ...databricksPolicies,
    ...dbxPlatformResourcePolicies,
    ...dbxPlatformStackPolicies,
    ...unityCatalogPolicies,
    ...identityPolicies,
    ...accessPolicies,
    ...monitoringPolicies,
    ...alertsPolicies,
    ...azurePolicyPolicies,
    ...topologyPolicies,
    ...storagePolicies,
    ...lakePolicies,
    ...sharingPolicies,
    ...keyVaultPolicies,
    ...aiPolicies,
    ...integrationPolicies,
    ...aksPolicies,
    ...firewallPolicies,
    ...networkPolicies,
    ...privateLinkPolicies,
    ...governancePolicies,
    ...stackPolicies,
];
