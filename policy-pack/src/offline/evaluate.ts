// Offline evaluation of the pack against the Java program's plan.json (written by `zt-platform plan <stack>`).
//
// This mirrors how @pulumi/policy's analyzer server (server.js) drives policies, so a policy behaves the same here
// and under `pulumi preview --policy-pack`:
//  - resource policies get { type, props, urn, name, opts, provider?, stackTags, isType, asType, getConfig,
//    notApplicable } once per resource, with the resource's INPUTS as props (the engine analyzes inputs);
//  - stack policies get { resources, stackTags, getConfig, notApplicable }, each resource with its OUTPUTS as props
//    (here: inputs overlaid with the mocks' computed values), parent/dependencies/propertyDependencies resolved to
//    the resource objects, and the pulumi:pulumi:Stack resource whose props are the stack outputs;
//  - props are wrapped in the same unknown-checking proxy; validate functions may return a Promise and are awaited;
//  - the enforcement level is config[policy].enforcementLevel || policy.enforcementLevel || the pack's ("advisory"),
//    "remediate" is reported as "mandatory" and "disabled" policies do not run;
//  - reportViolation(message, urn?) records the policy's description and message; a resource policy's violation
//    belongs to the resource, a stack policy's to the URN it names (or to the stack);
//  - notApplicable() skips, reading an unknown value gives an advisory "can't run during preview", and any other
//    exception fails the whole evaluation, as the engine does.

import * as fs from "fs";
import { unknownCheckingProxy, UnknownValueError } from "@pulumi/policy";
import type {
    EnforcementLevel,
    Policies,
    Policy,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { allPolicies, PACK_NAME, PACK_VERSION } from "../policies/all";

export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    id?: string | null;
    parent?: string | null;
    provider?: string | null;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    options?: Record<string, any>;
    inputs?: Record<string, any>;
    mockComputed?: Record<string, any>;
}

export interface Plan {
    schemaVersion: number;
    project: string;
    stack: string;
    config?: Record<string, unknown>;
    resources: PlanResource[];
    outputs?: Record<string, unknown>;
    diagnostics?: unknown[];
    errors?: unknown[];
}

/** Same shape as `pulumi preview --policy-pack-config <file>`: policy name (or "all") to level or config object. */
export type PackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface Violation {
    policy: string;
    enforcementLevel: EnforcementLevel;
    /** The resource the violation is about; "" for a stack-level finding without a URN. */
    urn: string;
    name: string;
    type: string;
    message: string;
    description: string;
    /** Set on the engine's "can't run during preview" advisory (an unknown value skipped checks). */
    preview?: true;
}

export interface Evaluation {
    project: string;
    stack: string;
    violations: Violation[];
    /** Resources in the plan (components included; the synthetic Stack resource not counted). */
    resourceCount: number;
    /** Policies that ran (not disabled). */
    policyCount: number;
    notApplicable: { policy: string; reason?: string }[];
}

export interface EvaluateOptions {
    policies?: Policies;
    config?: PackConfig;
    /** The pack's own enforcement level; PolicyPack's default is "advisory". */
    packEnforcementLevel?: EnforcementLevel;
    stackTags?: ReadonlyMap<string, string>;
    /** Name and version the engine would report the pack under (default: the pack's own). */
    packName?: string;
    packVersion?: string;
}

export class PlanError extends Error {}

export function loadPlan(path: string): Plan {
    if (!fs.existsSync(path)) {
        throw new PlanError(`plan file ${path} does not exist. Produce it with: cd <repo> && mvn -B -q -DskipTests package `
            + "&& java -jar src/target/zt-platform.jar plan dev && java -jar src/target/zt-platform.jar plan prod");
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(path, "utf8"));
    } catch (e) {
        throw new PlanError(`plan file ${path} is not valid JSON: ${(e as Error).message}`);
    }
    return checkPlan(parsed, path);
}

export function checkPlan(parsed: unknown, where = "plan"): Plan {
    const p = parsed as Partial<Plan>;
    if (!p || typeof p !== "object" || p.schemaVersion !== 1) {
        throw new PlanError(`${where}: expected a plan with schemaVersion 1, got ${JSON.stringify((p as any)?.schemaVersion)}`);
    }
    if (!Array.isArray(p.resources) || typeof p.stack !== "string" || typeof p.project !== "string") {
        throw new PlanError(`${where}: a plan needs "project", "stack" and a "resources" array`);
    }
    return p as Plan;
}

export function stackUrn(plan: Plan): string {
    return `urn:pulumi:${plan.stack}::${plan.project}::pulumi:pulumi:Stack::${plan.project}-${plan.stack}`;
}

/** Overlays the mocks' computed outputs on the inputs: what the engine's resource outputs would hold. */
export function overlay(inputs: unknown, computed: unknown): any {
    if (computed === undefined) {
        return inputs;
    }
    if (Array.isArray(computed)) {
        if (!Array.isArray(inputs)) {
            return computed;
        }
        const n = Math.max(inputs.length, computed.length);
        return Array.from({ length: n }, (_, i) => overlay(inputs[i], computed[i]));
    }
    if (computed !== null && typeof computed === "object") {
        if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
            return computed;
        }
        const out: Record<string, any> = { ...(inputs as object) };
        for (const [k, v] of Object.entries(computed as object)) {
            out[k] = overlay(out[k], v);
        }
        return out;
    }
    return computed;
}

function clone<T>(value: T): T {
    return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function resourceOptions(r: PlanResource): PolicyResourceOptions {
    const o = r.options ?? {};
    const opts: PolicyResourceOptions = {
        protect: o.protect === true,
        ignoreChanges: Array.isArray(o.ignoreChanges) ? o.ignoreChanges : [],
        aliases: Array.isArray(o.aliases) ? o.aliases : [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: Array.isArray(o.additionalSecretOutputs) ? o.additionalSecretOutputs : [],
    };
    if (typeof o.deleteBeforeReplace === "boolean") {
        opts.deleteBeforeReplace = o.deleteBeforeReplace;
    }
    if (r.parent) {
        opts.parent = r.parent;
    }
    return opts;
}

/** "default:azure-native" or "<provider urn>::<id>" to the provider the engine would describe. */
function providerOf(r: PlanResource, plan: Plan): PolicyProviderResource | undefined {
    const ref = r.provider;
    if (!ref) {
        return undefined;
    }
    const m = /^default:(.+)$/.exec(ref);
    if (m) {
        const pkg = m[1];
        const version = typeof r.options?.version === "string" ? `_${r.options.version.replace(/\./g, "_")}` : "";
        const name = `default${version}`;
        return {
            type: `pulumi:providers:${pkg}`, name, props: unknownCheckingProxy({}),
            urn: `urn:pulumi:${plan.stack}::${plan.project}::pulumi:providers:${pkg}::${name}`,
        };
    }
    const urn = ref.includes("::") ? ref.substring(0, ref.lastIndexOf("::")) : ref;
    const parts = urn.split("::");
    const declared = plan.resources.find(x => x.urn === urn);
    return {
        type: parts.length >= 3 ? parts[2].split("$").pop()! : "pulumi:providers:unknown",
        name: parts[parts.length - 1],
        urn,
        props: unknownCheckingProxy(clone(declared?.inputs ?? {})),
    };
}

function typeMatches(type: string, resourceClass: any): boolean {
    const token = resourceClass?.__pulumiType;
    if (typeof token === "string") {
        return token === type;
    }
    const isInstance = resourceClass?.isInstance;
    return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

/** The JSON-schema defaults of a policy's config, as the CLI fills them in. */
function schemaDefaults(policy: Policy): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (typeof s === "object" && s !== null && "default" in s && s.default !== undefined) {
            out[k] = clone(s.default);
        }
    }
    return out;
}

interface Resolved {
    level: EnforcementLevel;
    config: Record<string, unknown>;
}

function resolve(policy: Policy, options: EvaluateOptions): Resolved {
    const cfg = options.config ?? {};
    const entry = cfg[policy.name];
    const all = cfg["all"];
    let configured: EnforcementLevel | undefined;
    let props: Record<string, unknown> = {};
    if (typeof entry === "string") {
        configured = entry;
    } else if (entry && typeof entry === "object") {
        const { enforcementLevel, ...rest } = entry;
        configured = enforcementLevel;
        props = rest;
    }
    if (!configured && typeof all === "string") {
        configured = all;
    } else if (!configured && all && typeof all === "object" && typeof all.enforcementLevel === "string") {
        configured = all.enforcementLevel;
    }
    const level = configured || policy.enforcementLevel || options.packEnforcementLevel || "advisory";
    return { level, config: { ...schemaDefaults(policy), ...props } };
}

function isResourcePolicy(p: Policy): p is ResourceValidationPolicy {
    const v = (p as ResourceValidationPolicy).validateResource;
    return typeof v === "function" || (Array.isArray(v) && v.every(f => typeof f === "function"));
}

function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

function levelOf(resolved: Resolved): EnforcementLevel {
    return resolved.level === "remediate" ? "mandatory" : resolved.level;
}

export async function evaluatePlan(plan: Plan, options: EvaluateOptions = {}): Promise<Evaluation> {
    const policies = options.policies ?? allPolicies;
    const stackTags = options.stackTags ?? new Map<string, string>();
    const sUrn = stackUrn(plan);
    const byUrn = new Map(plan.resources.map(r => [r.urn, r]));
    const violations: Violation[] = [];
    const notApplicable: { policy: string; reason?: string }[] = [];
    let policyCount = 0;

    const describe = (urn: string | undefined): { urn: string; name: string; type: string } => {
        if (!urn) {
            return { urn: "", name: `${plan.project}-${plan.stack}`, type: "pulumi:pulumi:Stack" };
        }
        const r = byUrn.get(urn);
        if (r) {
            return { urn, name: r.name, type: r.type };
        }
        const parts = urn.split("::");
        return { urn, name: parts[parts.length - 1], type: parts.length >= 3 ? parts[2].split("$").pop()! : "" };
    };

    const reporter = (policy: Policy, level: EnforcementLevel, defaultUrn: string | undefined): ReportViolation =>
        (message: string, urn?: string) => {
            violations.push({
                policy: policy.name,
                enforcementLevel: level,
                ...describe(urn ?? defaultUrn),
                message: message ? message : policy.description,
                description: policy.description,
            });
        };

    const failed = (policy: Policy, e: unknown, defaultUrn: string | undefined): void => {
        if (e instanceof UnknownValueError) {
            // Worded as @pulumi/policy's analyzer words it (server.js), pack name and version included.
            violations.push({
                policy: policy.name, enforcementLevel: "advisory", ...describe(defaultUrn), description: policy.description,
                message: `can't run policy '${policy.name}' from policy pack '${options.packName ?? PACK_NAME}@v${options.packVersion ?? PACK_VERSION}' `
                    + `during preview: ${(e as Error).message}`,
                preview: true,
            });
            return;
        }
        if (e instanceof NotApplicableError) {
            notApplicable.push({ policy: policy.name, reason: e.reason });
            return;
        }
        const where = defaultUrn ? ` on ${defaultUrn}` : "";
        throw new Error(`policy '${policy.name}' failed${where}: ${(e as Error)?.stack ?? String(e)}`);
    };

    // The stack resource (its props are the stack outputs) plus the plan's resources, in plan order.
    const stackEntry: PlanResource = {
        urn: sUrn, type: "pulumi:pulumi:Stack", name: `${plan.project}-${plan.stack}`, custom: false,
        inputs: {}, mockComputed: plan.outputs ?? {}, dependencies: [], propertyDependencies: {}, options: { protect: false },
    };
    const entries = [stackEntry, ...plan.resources];

    for (const policy of policies) {
        const resolved = resolve(policy, options);
        if (resolved.level === "disabled") {
            continue;
        }
        policyCount++;
        const level = levelOf(resolved);
        const getConfig = <T extends object>(): T => clone(resolved.config) as T;

        if (isResourcePolicy(policy)) {
            const validations: ResourceValidation[] = Array.isArray(policy.validateResource)
                ? policy.validateResource : [policy.validateResource!];
            for (const r of entries) {
                const token = validations.length === 1 ? (validations[0] as any).__pulumiType : undefined;
                if (typeof token === "string" && token !== r.type) {
                    notApplicable.push({ policy: policy.name, reason: `Policy only applies to resources of type '${token}'` });
                    continue;
                }
                for (const validation of validations) {
                    const props = unknownCheckingProxy(clone(r.inputs ?? {}));
                    const args: ResourceValidationArgs = {
                        type: r.type,
                        props,
                        urn: r.urn,
                        name: r.name,
                        opts: resourceOptions(r),
                        stackTags,
                        isType: (cls: any) => typeMatches(r.type, cls),
                        asType: ((cls: any) => (typeMatches(r.type, cls) ? props : undefined)) as any,
                        getConfig,
                        notApplicable: throwNotApplicable,
                    };
                    const provider = providerOf(r, plan);
                    if (provider) {
                        args.provider = provider;
                    }
                    try {
                        await Promise.resolve(validation(args, reporter(policy, level, r.urn)));
                    } catch (e) {
                        failed(policy, e, r.urn);
                    }
                }
            }
        }

        if (isStackPolicy(policy)) {
            const token = (policy.validateStack as any).__pulumiType;
            if (typeof token === "string" && !entries.some(r => r.type === token)) {
                notApplicable.push({ policy: policy.name, reason: `Policy only applies to resources of type '${token}'` });
                continue;
            }
            const objects = new Map<string, PolicyResource>();
            for (const r of entries) {
                const props = unknownCheckingProxy(clone(overlay(r.inputs ?? {}, r.mockComputed ?? {})));
                const res: PolicyResource = {
                    type: r.type,
                    props,
                    urn: r.urn,
                    name: r.name,
                    opts: resourceOptions(r),
                    dependencies: [],
                    propertyDependencies: {},
                    isType: (cls: any) => typeMatches(r.type, cls),
                    asType: ((cls: any) => (typeMatches(r.type, cls) ? props : undefined)) as any,
                };
                const provider = providerOf(r, plan);
                if (provider) {
                    res.provider = provider;
                }
                objects.set(r.urn, res);
            }
            for (const r of entries) {
                const res = objects.get(r.urn)!;
                const parent = r.parent ? objects.get(r.parent) : undefined;
                if (parent) {
                    res.parent = parent;
                }
                res.dependencies = (r.dependencies ?? []).map(d => objects.get(d)).filter((d): d is PolicyResource => !!d);
                for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                    res.propertyDependencies[k] = urns.map(d => objects.get(d)).filter((d): d is PolicyResource => !!d);
                }
            }
            const args: StackValidationArgs = {
                resources: [...objects.values()],
                stackTags,
                getConfig,
                notApplicable: throwNotApplicable,
            };
            try {
                await Promise.resolve(policy.validateStack(args, reporter(policy, level, undefined)));
            } catch (e) {
                failed(policy, e, undefined);
            }
        }
    }

    return {
        project: plan.project,
        stack: plan.stack,
        violations,
        resourceCount: plan.resources.length,
        policyCount,
        notApplicable,
    };
}

export function countByLevel(violations: readonly Violation[]): { mandatory: number; advisory: number } {
    return {
        mandatory: violations.filter(v => v.enforcementLevel === "mandatory").length,
        advisory: violations.filter(v => v.enforcementLevel === "advisory").length,
    };
}
