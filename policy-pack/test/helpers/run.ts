// Shared test plumbing: run policies through the offline evaluator (the same args the engine builds).

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Policy } from "@pulumi/policy";
import { allPolicies } from "../../src/policies/all";
import { evaluatePlan, loadPlan, PackConfig, Plan, PlanResource, Violation } from "../../src/offline/evaluate";
import { defaultCtx, emptyPlan } from "../fixtures/resources";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");

export const PRODUCE_PLANS = "cd /work/main (the repository root) && mvn -B -q -DskipTests package && "
    + "java -jar src/target/zt-platform.jar plan dev && java -jar src/target/zt-platform.jar plan prod";

export function realPlanPath(stack: string): string {
    return path.join(REPO_ROOT, "plan", stack, "plan.json");
}

/** Loads ../plan/<stack>/plan.json, failing the test with instructions when it is missing. */
export function realPlan(stack: string): Plan {
    const file = realPlanPath(stack);
    if (!fs.existsSync(file)) {
        assert.fail(`real plan ${file} is missing. The Java build produces it; run: ${PRODUCE_PLANS}`);
    }
    return loadPlan(file);
}

export function policy(name: string): Policy {
    const p = allPolicies.find(x => x.name === name);
    if (!p) {
        throw new Error(`no policy named ${name}`);
    }
    return p;
}

/** Violations of one policy over a small hand-written plan. */
export async function check(policyName: string, resources: PlanResource[], opts: {
    outputs?: Record<string, unknown>;
    config?: PackConfig;
} = {}): Promise<Violation[]> {
    const plan = emptyPlan(defaultCtx, resources, opts.outputs ?? {});
    const result = await evaluatePlan(plan, { policies: [policy(policyName)], config: opts.config });
    return result.violations;
}

export function mandatory(violations: readonly Violation[], policyName?: string): Violation[] {
    return violations.filter(v => v.enforcementLevel === "mandatory" && (!policyName || v.policy === policyName));
}

export function render(violations: readonly Violation[]): string {
    return violations.map(v => `  [${v.enforcementLevel}] ${v.policy} ${v.name} (${v.type}): ${v.message}`).join("\n") || "  (none)";
}

/** Asserts at least one violation of the policy whose message matches. */
export function expectViolation(violations: readonly Violation[], policyName: string, pattern?: RegExp): void {
    const hits = violations.filter(v => v.policy === policyName && (!pattern || pattern.test(v.message)));
    assert.ok(hits.length > 0, `expected a '${policyName}' violation${pattern ? ` matching ${pattern}` : ""}; got:\n${render(violations)}`);
}

export function expectNone(violations: readonly Violation[]): void {
    assert.equal(violations.length, 0, `expected no violations; got:\n${render(violations)}`);
}

export function withInputs(r: PlanResource, change: (inputs: Record<string, any>) => void): PlanResource {
    const copy: PlanResource = JSON.parse(JSON.stringify(r));
    change(copy.inputs!);
    return copy;
}
