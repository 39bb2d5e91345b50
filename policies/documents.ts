/** Reading IAM-style policy documents (key, bucket, trust and identity policies) as AWS does. */

/** One statement of a policy document. */
export type Statement = Record<string, any>;

/** `[value].flat()` (a document's "one or a list of" fields) without building a list to flatten. */
export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** What `parseDocument` gives for text that is not JSON. */
export const UNREADABLE = Symbol("unreadable document");

/** Parsed documents by their text, frozen: several policies read the same document of a resource. */
const parsed = new Map<string, unknown>();
/** Distinct documents kept at most (a large stack has one per key, bucket and role). */
const PARSED_LIMIT = 256;

function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const inner of Object.values(value)) {
            deepFreeze(inner);
        }
    }
    return value;
}

/**
 * `JSON.parse(text)`, frozen and shared by every policy that reads the same text, or
 * `UNREADABLE`. The SDK hands each policy its own copy of a resource's props, but a document's
 * text is the same string: parsing it once per resource instead of once per policy.
 */
export function parseDocument(text: string): unknown {
    let document = parsed.get(text);
    if (document === undefined) {
        try {
            document = deepFreeze(JSON.parse(text) as unknown);
        } catch {
            document = UNREADABLE;
        }
        if (parsed.size >= PARSED_LIMIT) {
            parsed.clear();
        }
        parsed.set(text, document);
    }
    return document;
}

/** The statements of a document given as JSON text or as an object; none when it is unreadable or unknown. */
export function statementsOf(document: unknown): Statement[] {
    const read = typeof document === "string" ? parseDocument(document) : document;
    if (read === UNREADABLE || !read || typeof read !== "object") {
        return [];
    }
    return listOf((read as Record<string, unknown>).Statement ?? []).filter((s): s is Statement => Boolean(s) && typeof s === "object");
}

/** The statements that allow something. */
export const allowStatements = (document: unknown): Statement[] => statementsOf(document).filter((s) => s.Effect === "Allow");

/** A statement's principals of one kind (`AWS`, `Service`, `Federated`), or `["*"]` for `Principal: "*"`. */
export function principals(statement: Statement, kind: "AWS" | "Service" | "Federated"): string[] {
    const principal = statement.Principal;
    if (principal === "*") {
        return ["*"];
    }
    return principal && typeof principal === "object" ? listOf(principal[kind] ?? []).map(String) : [];
}

/** A statement's actions, lower-cased (IAM compares actions case-insensitively). */
export const actionsOf = (statement: Statement): string[] => listOf(statement.Action ?? []).map((a) => String(a).toLowerCase());

/**
 * Wildcard actions (`kms:GenerateDataKey*`, `kms:Encryp?`) as regular expressions, compiled once
 * each. In IAM actions `*` matches any run of characters and `?` exactly one (IAM JSON policy
 * reference, "Action"); every other character is literal.
 */
const wildcards = new Map<string, RegExp>();

/** `*` or `?`: the wildcards of an IAM action. */
const IAM_WILDCARD = /[*?]/;

export function wildcardOf(pattern: string): RegExp {
    let regex = wildcards.get(pattern);
    if (!regex) {
        const literal = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
        regex = new RegExp(`^${[...pattern].map((c) => (c === "*" ? ".*" : c === "?" ? "." : literal(c))).join("")}$`);
        if (wildcards.size >= PARSED_LIMIT) {
            wildcards.clear();
        }
        wildcards.set(pattern, regex);
    }
    return regex;
}

/**
 * Whether `actions` covers `action` (`service:*` and `*` included; `kms:GenerateDataKey*` and
 * `kms:Encryp?` style wildcards too). An action without `*` or `?` covers only itself.
 */
export function covers(actions: string[], action: string): boolean {
    const wanted = action.toLowerCase();
    return actions.some((a) => a === wanted || (IAM_WILDCARD.test(a) && wildcardOf(a).test(wanted)));
}

/** One key of a statement's conditions: its operator, its key lower-cased, its value as written. */
export interface ConditionEntry {
    operator: string;
    key: string;
    value: unknown;
}

/** A statement's conditions, read once (every operator's every key and value, in order). */
export function conditionsOf(statement: Statement): ConditionEntry[] {
    const entries: ConditionEntry[] = [];
    for (const [operator, block] of Object.entries((statement.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
        for (const [key, value] of Object.entries(block ?? {})) {
            entries.push({ operator, key: key.toLowerCase(), value });
        }
    }
    return entries;
}

/**
 * The values `conditions` give `key`, under any operator (condition keys are case-insensitive);
 * an empty list when the key is not constrained. A value of `*` under a `Like` operator
 * constrains nothing and is left out.
 */
export function valuesFor(conditions: ConditionEntry[], key: string): string[] {
    const wanted = key.toLowerCase();
    const values: string[] = [];
    for (const { operator, key: k, value } of conditions) {
        if (k === wanted) {
            for (const one of listOf(value).map(String)) {
                if (!(one === "*" && operator.includes("Like"))) {
                    values.push(one);
                }
            }
        }
    }
    return values;
}

/** The values a statement's conditions give `key` (see `valuesFor`). */
export function conditionValues(statement: Statement, key: string): string[] {
    return valuesFor(conditionsOf(statement), key);
}

/** `"Sid"` or `statement 2` (1-based), to name a statement in a message. */
export const statementName = (statement: Statement, index: number): string => (statement.Sid ? `statement '${statement.Sid}'` : `statement ${index + 1}`);
