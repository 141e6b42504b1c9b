// URNs as the Pulumi engine makes them: urn:pulumi:<stack>::<project>::<type chain>::<name>, where the type chain is
// the parent components' types joined by '$' and ends with the resource's own type. A resource whose parent is the
// stack has just its own type: the root pulumi:pulumi:Stack type is NOT part of any chain. Provider references are
// "<provider URN>::<provider id>".

const STACK_TYPE = "pulumi:pulumi:Stack";

export interface ParsedUrn {
    stack: string;
    project: string;
    /** Parent types first, own type last. */
    typeChain: string[];
    name: string;
}

export function parseUrn(urn: string): ParsedUrn | undefined {
    const m = /^urn:pulumi:([^:]+)::([^:]+)::(.+?)::(.*)$/s.exec(urn);
    if (!m) {
        return undefined;
    }
    return { stack: m[1], project: m[2], typeChain: m[3].split("$"), name: m[4] };
}

/**
 * The engine form of a URN: drops a leading pulumi:pulumi:Stack from the type chain (older offline plans put it in
 * every chain), unless the URN is the stack's own.
 */
export function engineUrn(urn: string): string {
    const p = parseUrn(urn);
    if (!p || p.typeChain.length < 2 || p.typeChain[0] !== STACK_TYPE) {
        return urn;
    }
    return `urn:pulumi:${p.stack}::${p.project}::${p.typeChain.slice(1).join("$")}::${p.name}`;
}

/** True when two URNs name the same resource (engine form and the legacy stack-rooted form compare equal). */
export function sameUrn(a: string, b: string): boolean {
    return a === b || engineUrn(a) === engineUrn(b);
}

/** Splits a provider reference "<provider URN>::<provider id>" (the id may be unknown during preview). */
export function splitProviderRef(ref: string): { urn: string; id?: string } {
    const p = parseUrn(ref);
    if (!p) {
        return { urn: ref };
    }
    // The name segment of a provider reference is "<name>::<id>".
    const cut = p.name.indexOf("::");
    if (cut < 0) {
        return { urn: ref };
    }
    return {
        urn: `urn:pulumi:${p.stack}::${p.project}::${p.typeChain.join("$")}::${p.name.substring(0, cut)}`,
        id: p.name.substring(cut + 2),
    };
}

/** The stack name a URN belongs to. */
export function stackOf(urn: string | undefined): string | undefined {
    return urn ? parseUrn(urn)?.stack : undefined;
}
