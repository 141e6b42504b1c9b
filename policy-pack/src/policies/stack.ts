// Stack-wide checks on the stack's outputs: nothing that is or looks like a credential leaves the stack in clear.

import { stackPolicy } from "../lib/policy";
import { T } from "../lib/stackindex";
import { peek } from "../lib/values";

/** How the offline plan (and `pulumi stack output`) shows a secret output. */
export const SECRET_MARKER = "[secret]";

const SENSITIVE_WORDS = new Set([
    "secret", "secrets", "password", "passwords", "passwd", "pwd", "key", "keys", "token", "tokens", "sas",
    "credential", "credentials", "apikey", "accesskey", "connectionstring", "connectionstrings", "pat",
]);

/**
 * Words after a sensitive word that make the name refer to metadata, not the credential itself:
 * keyVaultId, cmkKeyName, secretUri, tokenExpiry, secretScopeName. Without this list every keyVault* output
 * would be flagged.
 */
const METADATA_WORDS = new Set([
    "vault", "vaults", "id", "ids", "name", "names", "uri", "uris", "url", "urls", "version", "versions", "scope",
    "scopes", "type", "types", "expiry", "expiration", "expires", "rotation", "ref", "reference", "policy", "length",
    "lifetime", "count", "size", "source", "location", "path",
]);

/** Splits camelCase, snake_case, kebab-case and dotted names into lower-case words; "connectionString" stays one. */
export function words(name: string): string[] {
    const parts = name
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter(w => w.length > 0)
        .map(w => w.toLowerCase());
    const merged: string[] = [];
    for (let i = 0; i < parts.length; i++) {
        const pair = parts[i] + (parts[i + 1] ?? "");
        if (["connectionstring", "connectionstrings", "apikey", "accesskey"].includes(pair)) {
            merged.push(pair);
            i++;
        } else {
            merged.push(parts[i]);
        }
    }
    return merged;
}

/** True when an output name says it holds a credential (secret, password, key, token, connectionString, SAS). */
export function isSensitiveName(name: string): boolean {
    const w = words(name);
    return w.some((word, i) => SENSITIVE_WORDS.has(word)
        && !(i + 1 < w.length && METADATA_WORDS.has(w[i + 1]))
        && !(i > 0 && w[i - 1] === "public"));
}

const CREDENTIAL_PATTERNS: [RegExp, string][] = [
    [/eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/, "a JWT"],
    [/AccountKey=[^;]+/i, "a storage connection string with AccountKey="],
    [/SharedAccessKey=[^;]+/i, "a connection string with SharedAccessKey="],
    [/(^|[?&])sig=[A-Za-z0-9%+/=]{16,}/, "a SAS token (sig=)"],
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a PEM private key"],
    [/\bdapi[0-9a-f]{32}\b/, "a Databricks personal access token"],
    [/(^|;)\s*(Password|Pwd)=[^;]+/i, "a connection string with Password="],
    [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
];

export function credentialShape(value: string): string | undefined {
    return CREDENTIAL_PATTERNS.find(([re]) => re.test(value))?.[1];
}

export interface OutputFinding {
    path: string;
    why: string;
}

/** Walks the outputs; each non-secret value under a sensitive name, or shaped like a credential, is a finding. */
export function exposedSecrets(outputs: Record<string, unknown>): OutputFinding[] {
    const findings: OutputFinding[] = [];
    const walk = (value: unknown, path: string, sensitive: boolean) => {
        if (value === SECRET_MARKER || value === null || value === undefined) {
            return;
        }
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                walk(peek(value, String(i)), `${path}[${i}]`, sensitive);
            }
            return;
        }
        if (typeof value === "object") {
            for (const k of Object.keys(value as object)) {
                walk(peek(value, k), path ? `${path}.${k}` : k, sensitive || isSensitiveName(k));
            }
            return;
        }
        const shape = typeof value === "string" ? credentialShape(value) : undefined;
        if (shape) {
            findings.push({ path, why: `its value looks like ${shape}` });
        } else if (sensitive && !(typeof value === "string" && value.length === 0)) {
            findings.push({ path, why: "its name says it holds a credential and it is not a secret" });
        }
    };
    for (const k of Object.keys(outputs)) {
        walk(peek(outputs, k), k, isSensitiveName(k));
    }
    return findings;
}

export const noSecretStackOutputs = stackPolicy({
    name: "no-secret-stack-outputs",
    description: "Stack outputs must not expose credentials in clear (names like secret/password/key/token/"
        + "connectionString/sas, or values shaped like JWTs, account keys or SAS tokens).",
    validate: (args, report) => {
        for (const stack of args.resources.filter(r => r.type === T.stack)) {
            for (const f of exposedSecrets(stack.props)) {
                report(`Stack output '${f.path}' is exposed in clear: ${f.why}. Export it with pulumi.secret(...) `
                    + "(Output.ofSecret in Java) or, better, export a Key Vault secret URI instead of the value.", stack.urn);
            }
        }
    },
});

export const stackPolicies = [noSecretStackOutputs];
