// Builders for the pack's policies. They return the plain ResourceValidationPolicy / StackValidationPolicy
// objects @pulumi/policy defines (so tests and the offline runner can import them without `new PolicyPack`,
// which starts the analyzer's gRPC server), and they give every policy the same documented-exception support.

import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { UnknownValueError } from "@pulumi/policy";
import { sameUrn } from "./urn";

/** One documented exception, as written in the policy pack config under the policy's name. */
export interface PolicyException {
    /** The policy it waives; must equal the policy name the entry is listed under. */
    policy: string;
    /** The exact URN of the resource it waives (stack-level findings use the URN they report). */
    urn: string;
    /** Why; an exception without one does not apply. */
    justification?: string;
    /** Last day (UTC, YYYY-MM-DD) it applies; after that it does not. */
    expires?: string;
}

export const EXCEPTIONS_SCHEMA: PolicyConfigJSONSchema = {
    type: "array",
    description: "Documented exceptions: { policy, urn, justification, expires? (YYYY-MM-DD) }. An entry without a "
        + "justification, past its expiry date, or naming another policy does not apply.",
    default: [],
    items: {
        type: "object",
        properties: {
            policy: { type: "string", minLength: 1 },
            urn: { type: "string", minLength: 1 },
            justification: { type: "string" },
            expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
        },
        required: ["policy", "urn"],
        additionalProperties: false,
    },
};

type ExceptionVerdict = { applies: true } | { applies: false; why: string } | undefined;

/** Today's date (UTC, YYYY-MM-DD); ZT_POLICY_TODAY overrides it for reproducible runs. */
export function today(): string {
    const forced = process.env.ZT_POLICY_TODAY;
    return forced && /^\d{4}-\d{2}-\d{2}$/.test(forced) ? forced : new Date().toISOString().substring(0, 10);
}

/** Whether a documented exception waives this policy for this URN. */
export function exceptionFor(policy: string, urn: string | undefined, config: unknown): ExceptionVerdict {
    if (!urn) {
        return undefined;
    }
    const list = (config as { exceptions?: unknown } | undefined)?.exceptions;
    if (!Array.isArray(list)) {
        return undefined;
    }
    let rejected: ExceptionVerdict = undefined;
    for (const raw of list as Partial<PolicyException>[]) {
        if (!raw || typeof raw.urn !== "string" || !sameUrn(raw.urn, urn) || raw.policy !== policy) {
            continue;
        }
        if (typeof raw.justification !== "string" || raw.justification.trim().length === 0) {
            rejected = { applies: false, why: "it has no justification" };
            continue;
        }
        if (raw.expires !== undefined) {
            if (typeof raw.expires !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw.expires)) {
                rejected = { applies: false, why: `its expiry '${String(raw.expires)}' is not a YYYY-MM-DD date` };
                continue;
            }
            if (raw.expires < today()) {
                rejected = { applies: false, why: `it expired on ${raw.expires}` };
                continue;
            }
        }
        return { applies: true };
    }
    return rejected;
}

function filtered(policy: string, config: unknown, message: string, urn: string | undefined): string | undefined {
    const verdict = exceptionFor(policy, urn, config);
    if (verdict?.applies) {
        return undefined;
    }
    return verdict ? `${message} (a documented exception for this resource was ignored: ${verdict.why})` : message;
}

interface CommonSpec {
    name: string;
    description: string;
    enforcementLevel?: EnforcementLevel;
    /** Extra config properties this policy honours, besides `exceptions`. */
    config?: Record<string, PolicyConfigJSONSchema>;
}

/**
 * Runs one check; when it reads a value the engine marks unknown (a computed value during `pulumi preview`), only
 * that check is skipped. The wrapper rethrows one UnknownValueError naming every skipped check after all other checks
 * ran, so the engine reports its advisory "can't run ... during preview" while the violations the other checks found
 * stay reported at the policy's own level (the analyzer keeps diagnostics reported before the throw).
 */
export type Guard = (what: string, check: () => void) => void;

export interface ResourceRuleSpec extends CommonSpec {
    /** Only resources of these type tokens are checked; omitted = every resource. */
    types?: readonly string[];
    /** Report each finding with report(message); the wrapper applies documented exceptions. */
    validate: (args: ResourceValidationArgs, report: (message: string) => void, guard: Guard) => void | Promise<void>;
}

export interface StackRuleSpec extends CommonSpec {
    /** Report each finding with report(message, urn); the wrapper applies documented exceptions. */
    validate: (args: StackValidationArgs, report: (message: string, urn?: string) => void, guard: Guard)
        => void | Promise<void>;
}

function guarded(): { guard: Guard; finish: () => void } {
    const skipped: string[] = [];
    const guard: Guard = (what, check) => {
        try {
            check();
        } catch (e) {
            if (e instanceof UnknownValueError) {
                skipped.push(`${what} (${(e as Error).message})`);
                return;
            }
            throw e;
        }
    };
    const finish = () => {
        if (skipped.length > 0) {
            const shown = skipped.slice(0, 5).join("; ") + (skipped.length > 5 ? `; and ${skipped.length - 5} more` : "");
            // UnknownValueError's constructor only words a single path; the engine reports e.message, so build one
            // that names every skipped check (and keeps the class, which is what the analyzer tests for).
            const err: UnknownValueError = Object.create(UnknownValueError.prototype);
            Object.defineProperty(err, "message", {
                value: `${skipped.length} check(s) skipped until the values are known (the other checks ran): ${shown}`,
            });
            Object.defineProperty(err, "stack", { value: `UnknownValueError: ${err.message}` });
            throw err;
        }
    };
    return { guard, finish };
}

function schema(spec: CommonSpec): PolicyConfigSchema {
    return { properties: { exceptions: EXCEPTIONS_SCHEMA, ...(spec.config ?? {}) } };
}

export function resourcePolicy(spec: ResourceRuleSpec): ResourceValidationPolicy {
    const types = spec.types ? new Set(spec.types) : undefined;
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel ?? "mandatory",
        configSchema: schema(spec),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (types && !types.has(args.type)) {
                return;
            }
            const config = args.getConfig<object>();
            const { guard, finish } = guarded();
            const done = spec.validate(args, message => {
                const kept = filtered(spec.name, config, message, args.urn);
                if (kept !== undefined) {
                    reportViolation(kept);
                }
            }, guard);
            return done instanceof Promise ? done.then(finish) : finish();
        },
    };
}

export function stackPolicy(spec: StackRuleSpec): StackValidationPolicy {
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel ?? "mandatory",
        configSchema: schema(spec),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = args.getConfig<object>();
            const { guard, finish } = guarded();
            const done = spec.validate(args, (message, urn) => {
                const kept = filtered(spec.name, config, message, urn);
                if (kept !== undefined) {
                    reportViolation(kept, urn);
                }
            }, guard);
            return done instanceof Promise ? done.then(finish) : finish();
        },
    };
}
