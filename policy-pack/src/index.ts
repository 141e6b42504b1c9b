// Policy pack entry point: `pulumi preview --policy-pack <this dir>` runs dist/src/index.js, which serves the
// policies to the engine over gRPC. Import the policies from ./policies/all instead when you only need them.

import { PolicyPack } from "@pulumi/policy";
import { allPolicies, PACK_NAME } from "./policies/all";

new PolicyPack(PACK_NAME, {
    description: "Zero-trust guard rails for the zt-databricks Azure Databricks platform.",
    policies: allPolicies,
});
