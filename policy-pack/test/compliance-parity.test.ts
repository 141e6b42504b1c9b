// Compliance evidence vs policy pack: every evidence rule of the Java compliance report (src/.../reports/
// EvidenceRules.java) that is tied to a policy must agree with that policy on the real plans and on every mutated plan
// of the mutation catalogue that targets the policy: the rule is "not met" exactly when the policy reports a
// violation (of any level). A disagreement means compliance.md would say "met" where the pack blocks, or the reverse.

import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { evaluatePlan, Plan } from "../src/offline/evaluate";
import { allPolicies } from "../src/policies/all";
import { MUTATIONS } from "./fixtures/mutations";
import { deepCopy, ofType, scaffold, TYPES } from "./fixtures/scaffold";
import { PRODUCE_PLANS, realPlan, REPO_ROOT } from "./helpers/run";

interface RuleResult { rule: string; policy: string; status: "MET" | "NOT_MET" | "NOT_APPLICABLE"; problems: string[] }

const JAR = path.join(REPO_ROOT, "src", "target", "zt-platform.jar");

/** Runs the Java evidence rules tied to a policy on each plan file (one JVM for all). */
function javaEvidence(files: string[]): Record<string, RuleResult[]> {
    if (!fs.existsSync(JAR)) {
        assert.fail(`${JAR} is missing: the src module builds it before the policy pack's tests. Run: ${PRODUCE_PLANS}`);
    }
    const out = execFileSync("java", ["-cp", JAR, "com.ztplatform.stack.reports.EvidenceCli", ...files],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(out);
}

/** Extra mutations for tied advisory policies the catalogue does not break. */
const EXTRA: { id: string; policy: string; only?: string[]; apply: (p: Plan) => void }[] = [
    { id: "workspace without infrastructure encryption", policy: "databricks-workspace-infrastructure-encryption",
        apply: p => { ofType(p, TYPES.workspace)[0].inputs!.parameters.requireInfrastructureEncryption = { value: false }; } },
    { id: "Premium firewall policy with IDPS Alert", policy: "firewall-premium-idps-deny", only: ["prod"],
        apply: p => { ofType(p, TYPES.firewallPolicy)[0].inputs!.intrusionDetection = { mode: "Alert" }; } },
];

for (const stack of ["dev", "prod"]) {
    describe(`compliance evidence agrees with the policy pack on the ${stack} plan`, () => {
        it("on the real plan, the scaffolded plan and every mutation of a tied policy", async t => {
            const real = realPlan(stack);
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), `parity-${stack}-`));
            const cases: { id: string; plan: Plan; file: string; policy?: string }[] = [];
            const add = (id: string, plan: Plan, policy?: string) => {
                const file = path.join(dir, `${cases.length}.json`);
                fs.writeFileSync(file, JSON.stringify(plan));
                cases.push({ id, plan, file, policy });
            };
            add("real plan", real);
            const base = scaffold(real).plan;
            add("scaffolded plan", base);
            // Which policies are tied: ask the Java side on the real plan.
            const tied = new Set(javaEvidence([cases[0].file])[cases[0].file].map(r => r.policy));
            for (const name of tied) {
                assert.ok(allPolicies.some(p => p.name === name), `the Java evidence rules name '${name}', which is no policy of the pack`);
            }
            for (const m of [...MUTATIONS, ...EXTRA]) {
                if (!tied.has(m.policy) || (m.only && !m.only.includes(stack))) {
                    continue;
                }
                const plan = deepCopy(base);
                m.apply(plan);
                add(`mutation '${m.id}'`, plan, m.policy);
            }
            assert.ok(cases.length >= 2 + 10, `only ${cases.length - 2} mutations of tied policies ran`);
            const java = javaEvidence(cases.map(c => c.file));
            const disagreements: string[] = [];
            for (const c of cases) {
                const violations = (await evaluatePlan(c.plan)).violations;
                for (const r of java[c.file]) {
                    const policyFails = violations.some(v => v.policy === r.policy);
                    const ruleFails = r.status === "NOT_MET";
                    if (policyFails !== ruleFails) {
                        disagreements.push(`${c.id}: rule '${r.rule}' is ${r.status} but policy '${r.policy}' `
                            + (policyFails ? "reports a violation" : "passes") + (r.problems.length ? ` (${r.problems.join("; ")})` : ""));
                    }
                }
                if (c.policy) {
                    // The mutation must be seen by both (the catalogue says the policy catches it).
                    const rule = java[c.file].find(r => r.policy === c.policy)!;
                    assert.equal(rule.status, "NOT_MET", `${c.id}: the evidence rule '${rule.rule}' does not see the mutation`);
                }
            }
            t.diagnostic(`${cases.length} plans, tied policies: ${[...tied].sort().join(", ")}`);
            assert.deepEqual(disagreements, [], disagreements.join("\n"));
            fs.rmSync(dir, { recursive: true, force: true });
        });
    });
}
