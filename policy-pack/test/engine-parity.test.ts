// The offline evaluator against @pulumi/policy's own analyzer: the same plan is fed to the server's Analyze and
// AnalyzeStack RPC handlers (as protobuf requests, the way the engine sends them) and to evaluatePlan; both must
// report exactly the same violations (policy, level, resource, message).

import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluatePlan, overlay, Plan, PlanResource, stackUrn } from "../src/offline/evaluate";
import { allPolicies, PACK_NAME } from "../src/policies/all";
import { scaffold } from "./fixtures/scaffold";
import { MUTATIONS } from "./fixtures/mutations";
import { realPlan } from "./helpers/run";

const server = require("@pulumi/policy/server");
const analyzerpb = require("@pulumi/pulumi/proto/analyzer_pb");
const structpb = require("google-protobuf/google/protobuf/struct_pb");

const LEVELS: Record<string, number> = {
    advisory: analyzerpb.EnforcementLevel.ADVISORY,
    mandatory: analyzerpb.EnforcementLevel.MANDATORY,
};

function options(r: PlanResource): any {
    const o = new analyzerpb.AnalyzerResourceOptions();
    o.setProtect(r.options?.protect === true);
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

function entries(plan: Plan): PlanResource[] {
    const stack: PlanResource = {
        urn: stackUrn(plan), type: "pulumi:pulumi:Stack", name: `${plan.project}-${plan.stack}`, custom: false,
        inputs: {}, mockComputed: plan.outputs ?? {},
    };
    return [stack, ...plan.resources];
}

function call(fn: any, request: any): Promise<any> {
    return new Promise((resolve, reject) => fn({ request }, (err: unknown, resp: any) => (err ? reject(err) : resolve(resp))));
}

async function viaEngine(plan: Plan): Promise<string[]> {
    const keys: string[] = [];
    const analyze = server.makeAnalyzeRpcFun(PACK_NAME, "1.0.0", "advisory", allPolicies);
    for (const r of entries(plan)) {
        const req = new analyzerpb.AnalyzeRequest();
        req.setType(r.type);
        req.setUrn(r.urn);
        req.setName(r.name);
        req.setProperties(structpb.Struct.fromJavaScript(r.inputs ?? {}));
        req.setOptions(options(r));
        const resp = await call(analyze, req);
        for (const d of resp.getDiagnosticsList()) {
            keys.push(`${d.getPolicyname()}|${d.getEnforcementlevel()}|${d.getUrn() || r.urn}|${d.getMessage()}`);
        }
    }
    const analyzeStack = server.makeAnalyzeStackRpcFun(PACK_NAME, "1.0.0", "advisory", allPolicies);
    const req = new analyzerpb.AnalyzeStackRequest();
    req.setResourcesList(entries(plan).map(r => {
        const res = new analyzerpb.AnalyzerResource();
        res.setType(r.type);
        res.setUrn(r.urn);
        res.setName(r.name);
        res.setProperties(structpb.Struct.fromJavaScript(overlay(r.inputs ?? {}, r.mockComputed ?? {})));
        res.setOptions(options(r));
        if (r.parent) {
            res.setParent(r.parent);
        }
        res.setDependenciesList(r.dependencies ?? []);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            const deps = new analyzerpb.AnalyzerPropertyDependencies();
            deps.setUrnsList(urns);
            res.getPropertydependenciesMap().set(k, deps);
        }
        return res;
    }));
    const resp = await call(analyzeStack, req);
    for (const d of resp.getDiagnosticsList()) {
        keys.push(`${d.getPolicyname()}|${d.getEnforcementlevel()}|${d.getUrn()}|${d.getMessage()}`);
    }
    return keys.sort();
}

async function viaEvaluator(plan: Plan): Promise<string[]> {
    const e = await evaluatePlan(plan);
    return e.violations.map(v => `${v.policy}|${LEVELS[v.enforcementLevel]}|${v.urn}|${v.description}\n${v.message}`).sort();
}

describe("offline evaluator = @pulumi/policy analyzer", () => {
    for (const stack of ["dev", "prod"]) {
        it(`reports the same violations on the real ${stack} plan`, async () => {
            const plan = realPlan(stack);
            assert.deepEqual(await viaEvaluator(plan), await viaEngine(plan));
        });

        it(`reports the same violations on the ${stack} plan with every mutation applied`, async () => {
            const plan = scaffold(realPlan(stack)).plan;
            let applied = 0;
            for (const m of MUTATIONS) {
                try {
                    m.apply(plan);
                    applied++;
                } catch {
                    // a mutation may no longer apply after an earlier one (e.g. the resource it needs was deleted)
                }
            }
            const offline = await viaEvaluator(plan);
            assert.ok(applied >= 25 && offline.length >= 25, `only ${applied} mutations applied, ${offline.length} violations`);
            assert.deepEqual(offline, await viaEngine(plan));
        });
    }
});
