// Which stacks are production. The engine hands policies no stack config, but every URN carries the stack name, and
// the pack config can name the production stacks (default: "prod"). Rules that differ by environment (serverless
// egress enforcement, notebook export/download) read it from here, so they stay resource policies that gate before
// deployment.

import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { stackOf } from "./urn";

export const PRODUCTION_STACKS_SCHEMA: PolicyConfigJSONSchema = {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: ["prod"],
    description: "Stack names held to production rules (taken from each resource's URN).",
};

export function isProduction(urn: string | undefined, config: unknown): boolean {
    const list = (config as { productionStacks?: unknown } | undefined)?.productionStacks;
    const stacks = Array.isArray(list) ? list.filter((s): s is string => typeof s === "string") : ["prod"];
    const stack = stackOf(urn);
    return stack !== undefined && stacks.includes(stack);
}
