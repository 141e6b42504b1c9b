// What the Pulumi engine feeds a policy pack, built from an offline plan: engine URNs, provider references
// ("<provider URN>::<provider id>"), preview unknowns and secret-wrapped values, sent as protobuf requests to
// @pulumi/policy's own Analyze / AnalyzeStack handlers (the code `pulumi preview --policy-pack` runs).

import { overlay, Plan, PlanResource, stackUrn } from "../../src/offline/evaluate";
import { engineUrn } from "../../src/lib/urn";
import { allPolicies, PACK_NAME } from "../../src/policies/all";
import type { Policies } from "@pulumi/policy";

const server = require("@pulumi/policy/server");
const analyzerpb = require("@pulumi/pulumi/proto/analyzer_pb");
const structpb = require("google-protobuf/google/protobuf/struct_pb");

/** The engine's marker for a value that is not known during preview (@pulumi/pulumi runtime/rpc unknownValue). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The engine's secret envelope (@pulumi/pulumi runtime/rpc specialSigKey / specialSecretSig). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** How the offline plan writes a secret value. */
export const SECRET_PLACEHOLDER = "[secret]";

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

function mapUrnRef(ref: string): string {
    // provider references are "<urn>::<id>": only the URN part changes
    const cut = ref.lastIndexOf("::");
    const head = ref.substring(0, cut);
    if (cut > 0 && head.split("::").length >= 4) {
        return `${engineUrn(head)}::${ref.substring(cut + 2)}`;
    }
    return engineUrn(ref);
}

/** The plan with every URN (resource, parent, dependencies, provider references) in the engine's form. */
export function withEngineUrns(plan: Plan): Plan {
    const p = clone(plan);
    for (const r of p.resources) {
        r.urn = engineUrn(r.urn);
        if (r.parent) {
            r.parent = engineUrn(r.parent);
        }
        r.dependencies = (r.dependencies ?? []).map(engineUrn);
        for (const k of Object.keys(r.propertyDependencies ?? {})) {
            r.propertyDependencies![k] = r.propertyDependencies![k].map(engineUrn);
        }
        if (r.provider && r.provider.startsWith("urn:")) {
            r.provider = mapUrnRef(r.provider);
        }
    }
    return p;
}

function replaceStrings(value: any, change: (s: string) => string): any {
    if (typeof value === "string") {
        return change(value);
    }
    if (Array.isArray(value)) {
        return value.map(v => replaceStrings(v, change));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, change)]));
    }
    return value;
}

function unknownLeaves(value: any): any {
    if (Array.isArray(value)) {
        return value.map(unknownLeaves);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownLeaves(v)]));
    }
    return UNKNOWN;
}

/**
 * The first `pulumi preview` of the stack: nothing exists yet, so every id another resource refers to is unknown,
 * every computed output is unknown, and explicit providers have unknown ids.
 */
export function asFirstPreview(plan: Plan): Plan {
    const p = clone(plan);
    const ids = new Set(p.resources.map(r => r.id).filter((x): x is string => typeof x === "string" && x.startsWith("/subscriptions/"))
        .map(x => x.toLowerCase()));
    for (const r of p.resources) {
        r.inputs = replaceStrings(r.inputs ?? {}, s => (ids.has(s.toLowerCase()) ? UNKNOWN : s));
        r.mockComputed = unknownLeaves(r.mockComputed ?? {});
        if (r.provider && r.provider.startsWith("urn:")) {
            r.provider = `${r.provider.substring(0, r.provider.lastIndexOf("::"))}::${UNKNOWN}`;
        }
    }
    return p;
}

/** The engine's encoding of a value: the plan's secret placeholders travel inside the secret envelope. */
function engineValue(value: any): any {
    if (value === SECRET_PLACEHOLDER) {
        return { [SIG_KEY]: SECRET_SIG, value };
    }
    if (Array.isArray(value)) {
        return value.map(engineValue);
    }
    if (value !== null && typeof value === "object") {
        // JSON (and so the plan and the engine) has no undefined: such keys are simply absent
        return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, engineValue(v)]));
    }
    return value;
}

function entries(plan: Plan): PlanResource[] {
    const stack: PlanResource = {
        urn: stackUrn(plan), type: "pulumi:pulumi:Stack", name: `${plan.project}-${plan.stack}`, custom: false,
        inputs: {}, mockComputed: plan.outputs ?? {},
    };
    return [stack, ...plan.resources];
}

function options(r: PlanResource): any {
    const o = new analyzerpb.AnalyzerResourceOptions();
    o.setProtect(r.options?.protect === true);
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

/** The AnalyzerProviderResource the engine attaches: default providers are named default_<version>. */
function provider(r: PlanResource, plan: Plan): any {
    if (!r.provider) {
        return undefined;
    }
    const p = new analyzerpb.AnalyzerProviderResource();
    const m = /^default:(.+)$/.exec(r.provider);
    if (m) {
        const version = typeof r.options?.version === "string" ? `_${r.options.version.replace(/\./g, "_")}` : "";
        const name = `default${version}`;
        p.setType(`pulumi:providers:${m[1]}`);
        p.setName(name);
        p.setUrn(`urn:pulumi:${plan.stack}::${plan.project}::pulumi:providers:${m[1]}::${name}`);
        p.setProperties(structpb.Struct.fromJavaScript({}));
        return p;
    }
    const urn = r.provider.substring(0, r.provider.lastIndexOf("::"));
    const declared = plan.resources.find(x => x.urn === urn);
    const parts = urn.split("::");
    p.setType(parts[2].split("$").pop());
    p.setName(parts[parts.length - 1]);
    p.setUrn(urn);
    p.setProperties(structpb.Struct.fromJavaScript(engineValue(declared?.inputs ?? {})));
    return p;
}

function call(fn: any, request: any): Promise<any> {
    return new Promise((resolve, reject) => fn({ request }, (err: unknown, resp: any) => (err ? reject(err) : resolve(resp))));
}

/** Runs the pack through @pulumi/policy's analyzer handlers; "policy|level|urn|description\nmessage" per finding. */
export async function viaEngine(plan: Plan, policies: Policies = allPolicies): Promise<string[]> {
    const keys: string[] = [];
    const analyze = server.makeAnalyzeRpcFun(PACK_NAME, "1.0.0", "advisory", policies);
    for (const r of entries(plan)) {
        const req = new analyzerpb.AnalyzeRequest();
        req.setType(r.type);
        req.setUrn(r.urn);
        req.setName(r.name);
        req.setProperties(structpb.Struct.fromJavaScript(engineValue(r.inputs ?? {})));
        req.setOptions(options(r));
        const prov = provider(r, plan);
        if (prov) {
            req.setProvider(prov);
        }
        const resp = await call(analyze, req);
        for (const d of resp.getDiagnosticsList()) {
            keys.push(`${d.getPolicyname()}|${d.getEnforcementlevel()}|${d.getUrn() || r.urn}|${d.getMessage()}`);
        }
    }
    const analyzeStack = server.makeAnalyzeStackRpcFun(PACK_NAME, "1.0.0", "advisory", policies);
    const req = new analyzerpb.AnalyzeStackRequest();
    req.setResourcesList(entries(plan).map(r => {
        const res = new analyzerpb.AnalyzerResource();
        res.setType(r.type);
        res.setUrn(r.urn);
        res.setName(r.name);
        res.setProperties(structpb.Struct.fromJavaScript(engineValue(overlay(r.inputs ?? {}, r.mockComputed ?? {}))));
        res.setOptions(options(r));
        const prov = provider(r, plan);
        if (prov) {
            res.setProvider(prov);
        }
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

export const LEVELS: Record<string, number> = {
    advisory: analyzerpb.EnforcementLevel.ADVISORY,
    mandatory: analyzerpb.EnforcementLevel.MANDATORY,
};
