// Small, dependency-free helpers for reading azure-native property bags. Policies see plain JSON (inputs for
// resource policies, outputs for stack policies); Azure enum values are case-insensitive, so comparisons are too.

import { UnknownValueError } from "@pulumi/policy";

export type Props = Record<string, any>;

/**
 * Reads obj[key], or undefined when the engine marks it unknown (a computed value during `pulumi preview`).
 * Only for lookups where "unknown" means "not found" (identity keys, reference scans); checks of a resource's
 * own settings read normally, so an unknown value surfaces as the engine's "can't run during preview" advisory.
 */
export function peek(obj: unknown, key: string): any {
    if (obj === null || obj === undefined || typeof obj !== "object") {
        return undefined;
    }
    try {
        return (obj as Props)[key];
    } catch (e) {
        if (e instanceof UnknownValueError) {
            return undefined;
        }
        throw e;
    }
}

/** Reads a dotted path ("parameters.enableNoPublicIp.value"); undefined when any step is missing. */
export function get(obj: unknown, path: string): any {
    let cur: any = obj;
    for (const part of path.split(".")) {
        if (cur === null || cur === undefined || typeof cur !== "object") {
            return undefined;
        }
        cur = cur[part];
    }
    return cur;
}

export function str(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

export function arr<T = any>(value: unknown): T[] {
    return Array.isArray(value) ? (value as T[]) : [];
}

export function obj(value: unknown): Props {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Props) : {};
}

/** Case-insensitive equality for Azure enum strings. */
export function eqi(a: unknown, b: string): boolean {
    return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

export function isTrue(value: unknown): boolean {
    return value === true || eqi(value, "true");
}

export function isFalse(value: unknown): boolean {
    return value === false || eqi(value, "false");
}

/** Renders a value for a message: strings quoted, absent values as "not set". */
export function show(value: unknown): string {
    if (value === undefined || value === null) {
        return "not set";
    }
    return typeof value === "string" ? `'${value}'` : JSON.stringify(value);
}

/** "azure-native:storage:StorageAccount 'data-sa'" — how every message names a resource. */
export function label(type: string, name: string, azureName?: string): string {
    const az = azureName && azureName !== name ? ` (Azure name '${azureName}')` : "";
    return `${type} '${name}'${az}`;
}

/** Last segment of an ARM id (the Azure name). */
export function leafName(id: unknown): string | undefined {
    if (typeof id !== "string" || id.length === 0) {
        return undefined;
    }
    const parts = id.split("/").filter(p => p.length > 0);
    return parts[parts.length - 1];
}

/** All "a.b[0].c"-style paths in a value whose leaf satisfies the predicate (strings only). */
export function findStrings(value: unknown, predicate: (s: string) => boolean, prefix = ""): string[] {
    const hits: string[] = [];
    const walk = (v: unknown, path: string): void => {
        if (typeof v === "string") {
            if (predicate(v)) {
                hits.push(path);
            }
        } else if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++) {
                walk(peek(v, String(i)), `${path}[${i}]`);
            }
        } else if (v !== null && typeof v === "object") {
            for (const k of Object.keys(v as object)) {
                walk(peek(v, k), path ? `${path}.${k}` : k);
            }
        }
    };
    walk(value, prefix);
    return hits;
}

/** Throws the engine's "unknown during preview" error for a conclusion that depends on values not known yet. */
export function unknownYet(what: string): never {
    const err: UnknownValueError = Object.create(UnknownValueError.prototype);
    Object.defineProperty(err, "message", { value: `${what} can't be known during preview` });
    Object.defineProperty(err, "stack", { value: `UnknownValueError: ${err.message}` });
    throw err;
}

/** True when any value inside is unknown (a computed value during preview). */
export function hasUnknown(value: unknown): boolean {
    const walk = (v: unknown): boolean => {
        if (v === null || typeof v !== "object") {
            return false;
        }
        for (const k of Object.keys(v as object)) {
            try {
                if (walk((v as Props)[k])) {
                    return true;
                }
            } catch (e) {
                if (e instanceof UnknownValueError) {
                    return true;
                }
                throw e;
            }
        }
        return false;
    };
    return walk(value);
}

/** True when obj.key is set: a value that is unknown during preview counts as set (it will have a value). */
export function present(obj: unknown, path: string): boolean {
    let cur: unknown = obj;
    for (const part of path.split(".")) {
        if (cur === null || cur === undefined || typeof cur !== "object") {
            return false;
        }
        try {
            cur = (cur as Props)[part];
        } catch (e) {
            if (e instanceof UnknownValueError) {
                return true;
            }
            throw e;
        }
    }
    return cur !== undefined && cur !== null && cur !== "";
}
