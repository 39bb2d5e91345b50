/** Reading IAM-style policy documents (key, bucket, trust and identity policies) as AWS does. */

/** One statement of a policy document. */
export type Statement = Record<string, any>;

/** The statements of a document given as JSON text or as an object; none when it is unreadable or unknown. */
export function statementsOf(document: unknown): Statement[] {
    let parsed: unknown = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return [];
        }
    }
    if (!parsed || typeof parsed !== "object") {
        return [];
    }
    return [(parsed as Record<string, unknown>).Statement ?? []].flat().filter((s): s is Statement => Boolean(s) && typeof s === "object");
}

/** The statements that allow something. */
export const allowStatements = (document: unknown): Statement[] => statementsOf(document).filter((s) => s.Effect === "Allow");

/** A statement's principals of one kind (`AWS`, `Service`, `Federated`), or `["*"]` for `Principal: "*"`. */
export function principals(statement: Statement, kind: "AWS" | "Service" | "Federated"): string[] {
    const principal = statement.Principal;
    if (principal === "*") {
        return ["*"];
    }
    return principal && typeof principal === "object" ? [principal[kind] ?? []].flat().map(String) : [];
}

/** A statement's actions, lower-cased (IAM compares actions case-insensitively). */
export const actionsOf = (statement: Statement): string[] => [statement.Action ?? []].flat().map((a) => String(a).toLowerCase());

/** Whether `actions` covers `action` (`service:*` and `*` included; `kms:GenerateDataKey*` style wildcards too). */
export function covers(actions: string[], action: string): boolean {
    const wanted = action.toLowerCase();
    return actions.some((a) => a === wanted || new RegExp(`^${a.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(wanted));
}

/**
 * The values a statement's conditions give `key`, under any operator (condition keys are
 * case-insensitive); an empty list when the key is not constrained. A value of `*` under a
 * `Like` operator constrains nothing and is left out.
 */
export function conditionValues(statement: Statement, key: string): string[] {
    const wanted = key.toLowerCase();
    const values: string[] = [];
    for (const [operator, block] of Object.entries((statement.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
        for (const [k, v] of Object.entries(block ?? {})) {
            if (k.toLowerCase() === wanted) {
                values.push(...[v].flat().map(String).filter((value) => !(operator.includes("Like") && value === "*")));
            }
        }
    }
    return values;
}

/** `"Sid"` or `statement 2` (1-based), to name a statement in a message. */
export const statementName = (statement: Statement, index: number): string => (statement.Sid ? `statement '${statement.Sid}'` : `statement ${index + 1}`);
