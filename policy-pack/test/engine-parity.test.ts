// The offline evaluator against @pulumi/policy's own analyzer: the same plan is fed to the server's Analyze and
// AnalyzeStack RPC handlers as the engine sends it (protobuf requests, engine URNs, provider references, secret
// envelopes, and during a first preview unknown ids and outputs) and to evaluatePlan; both must report exactly the
// same violations. The preview runs also prove that an unknown value only skips the checks that need it.

import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluatePlan, Plan } from "../src/offline/evaluate";
import { PACK_VERSION } from "../src/policies/all";
import { scaffold } from "./fixtures/scaffold";
import { MUTATIONS } from "./fixtures/mutations";
import { asFirstPreview, LEVELS, SECRET_PLACEHOLDER, viaEngine, withEngineUrns } from "./helpers/engine";
import { realPlan } from "./helpers/run";

async function viaEvaluator(plan: Plan): Promise<string[]> {
    const e = await evaluatePlan(plan);
    // The analyzer prefixes the description to reported violations, not to its own "can't run during preview" note.
    return e.violations.map(v => `${v.policy}|${LEVELS[v.enforcementLevel]}|${v.urn}|${v.preview ? "" : `${v.description}\n`}${v.message}`).sort();
}

function allMutated(plan: Plan): { plan: Plan; applied: number } {
    const p = scaffold(plan).plan;
    let applied = 0;
    for (const m of MUTATIONS) {
        try {
            m.apply(p);
            applied++;
        } catch {
            // a mutation may no longer apply after an earlier one (e.g. the resource it needs was deleted)
        }
    }
    return { plan: p, applied };
}

const countSecrets = (v: unknown): number => typeof v === "string" ? (v === SECRET_PLACEHOLDER ? 1 : 0)
    : Array.isArray(v) ? v.reduce((n: number, x) => n + countSecrets(x), 0)
        : v && typeof v === "object" ? Object.values(v).reduce((n: number, x) => n + countSecrets(x), 0) : 0;

describe("offline evaluator = @pulumi/policy analyzer", () => {
    it("names the pack with package.json's version", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
        assert.equal(PACK_VERSION, pkg.version);
    });

    for (const stack of ["dev", "prod"]) {
        for (const [form, convert] of [["plan URNs", (p: Plan) => p], ["engine URNs", withEngineUrns]] as const) {
            it(`reports the same violations on the real ${stack} plan (${form})`, async () => {
                const plan = convert(realPlan(stack));
                assert.ok(countSecrets(plan.resources.map(r => r.inputs)) > 0, "the plan should carry secret inputs to wrap");
                assert.deepEqual(await viaEvaluator(plan), await viaEngine(plan));
            });

            it(`reports the same violations on the ${stack} plan with every mutation applied (${form})`, async () => {
                const { plan, applied } = allMutated(convert(realPlan(stack)));
                const offline = await viaEvaluator(plan);
                assert.ok(applied >= 100 && offline.length >= 100, `only ${applied} mutations applied, ${offline.length} violations`);
                assert.deepEqual(offline, await viaEngine(plan));
            });
        }

        it(`reports the same violations during a first preview of the ${stack} plan (unknown ids and outputs)`, async () => {
            const plan = asFirstPreview(withEngineUrns(realPlan(stack)));
            const offline = await viaEvaluator(plan);
            assert.deepEqual(offline, await viaEngine(plan));
            const mandatory = offline.filter(k => k.split("|")[1] === String(LEVELS.mandatory));
            assert.deepEqual(mandatory, [], "a compliant plan must not fail during preview");
        });

        it(`reports the same violations during a first preview of the mutated ${stack} plan`, async () => {
            const { plan } = allMutated(withEngineUrns(realPlan(stack)));
            const preview = asFirstPreview(plan);
            const offline = await viaEvaluator(preview);
            assert.deepEqual(offline, await viaEngine(preview));
        });
    }
});
