import { oneOf, show } from "../shared/errors";
import { checkAgainstSchema, SchemaProblem, wrongKind } from "./check";
import type { ArgumentSchema } from "./schema";

/**
 * A union: fine when one form fits. Otherwise the form the value was meant to be (the one of its
 * kind, or the object form sharing most keys with it) reports its problems; a value that matches
 * no form at all is named with the forms allowed.
 */
export function walkUnion(schema: ArgumentSchema, value: unknown, path: string, owner: string, out: SchemaProblem[]): void {
    const forms = schema.anyOf ?? [];
    const results = forms.map((form) => checkAgainstSchema(form, value, path, owner));
    if (results.some((problems) => problems.length === 0)) {
        return;
    }
    const candidates = forms
        .map((form, i) => ({ form, problems: results[i], score: affinity(form, value) }))
        .filter((c) => kindFits(c.form, value))
        .sort((a, b) => b.score - a.score || a.problems.length - b.problems.length);
    const [best, second] = candidates;
    if (best && best.form.const === undefined && (!second || (best.score > second.score && best.score > 1))) {
        out.push(...best.problems);
        return;
    }
    // No form is the obvious one: name them all. A value that no form takes without a problem of
    // kind (a string for an object, a number for a name) would crash the hand-written checks, so
    // it is reported at once.
    // The same problem in every form the value could be (`{ name: 5 }` for `{ id, name? } | { name }`).
    const key = (p: SchemaProblem) => `${p.propertyPath}\n${p.reason}`;
    const shared = (candidates[0]?.problems ?? []).filter((p) => p.propertyPath !== path && candidates.every((c) => c.problems.some((q) => key(q) === key(p))));
    if (shared.length > 0) {
        out.push(...shared);
        return;
    }
    const shapeOnly = candidates.every((c) => c.problems.some((p) => p.kind === "shape"));
    out.push({ propertyPath: path, reason: `${show(value)} is not a valid value; use ${forms.map(describe).join(" or ")}`, kind: shapeOnly ? "shape" : "value" });
}

function kindFits(form: ArgumentSchema, value: unknown): boolean {
    if (form.anyOf) {
        return form.anyOf.some((f) => kindFits(f, value));
    }
    return form.const !== undefined ? typeof value === typeof form.const : wrongKind(form, value) === undefined;
}

/** How much `value` looks like `form`: 0 when it is of another kind, else 1 + the keys they share. */
function affinity(form: ArgumentSchema, value: unknown): number {
    if (form.anyOf) {
        return Math.max(0, ...form.anyOf.map((f) => affinity(f, value)));
    }
    if (form.const !== undefined) {
        return typeof value === typeof form.const ? 1 : 0;
    }
    if (wrongKind(form, value) !== undefined) {
        return 0;
    }
    if (form.type === "object" && form.properties) {
        const keys = Object.keys(value as object);
        return 1 + keys.filter((k) => k in form.properties!).length * 2 - keys.filter((k) => !(k in form.properties!)).length;
    }
    return 1;
}

/** A form as users write it: `{ id, name? }`, `false`, `'none'`, a list. */
function describe(form: ArgumentSchema): string {
    if (form.const !== undefined) {
        return show(form.const);
    }
    if (form.enum) {
        return oneOf(form.enum);
    }
    if (form.anyOf) {
        return form.anyOf.map(describe).join(" or ");
    }
    if (form.type === "object" && form.properties) {
        const required = new Set(form.required ?? []);
        const keys = Object.keys(form.properties).map((k) => (required.has(k) ? k : `${k}?`));
        return `{ ${keys.join(", ")} }`;
    }
    if (form.type === "array") {
        return `a list of ${form.items?.type ?? "value"}s`;
    }
    return `a ${form.type ?? "value"}`;
}
