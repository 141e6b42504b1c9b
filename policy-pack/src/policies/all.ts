// Every policy of the pack, once. src/index.ts serves them; the offline runner and the tests import them from here.

import type { Policies } from "@pulumi/policy";
import { databricksPolicies } from "./databricks";
import { firewallPolicies } from "./firewall";
import { governancePolicies } from "./governance";
import { keyVaultPolicies } from "./keyvault";
import { networkPolicies } from "./network";
import { privateLinkPolicies } from "./privatelink";
import { stackPolicies } from "./stack";
import { storagePolicies } from "./storage";

export const PACK_NAME = "zt-databricks-zero-trust";

export const allPolicies: Policies = [
    ...databricksPolicies,
    ...storagePolicies,
    ...keyVaultPolicies,
    ...firewallPolicies,
    ...networkPolicies,
    ...privateLinkPolicies,
    ...governancePolicies,
    ...stackPolicies,
];
