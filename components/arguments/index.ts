import { ArgumentProblem, ArgumentProblems, deferArgumentProblems } from "../shared/errors";
import { checkAgainstSchema, SchemaProblem } from "./check";
import { ARGUMENT_SCHEMAS } from "./generated";
import type { ArgumentSchema } from "./schema";

export { ARGUMENT_SCHEMAS } from "./generated";
export { ARGUMENT_FORMATS, AWS_REGIONS, LOG_RETENTION_DAYS, isTimeZone } from "./formats";
export { checkAgainstSchema, isUnknown, joinPath, unknownKey } from "./check";
export type { SchemaProblem } from "./check";
export type { ArgumentSchema } from "./schema";
export { nearestKey } from "./nearest";

/** The generated schema of a component's arguments (throws for a type without one). */
export function argumentSchema(componentType: string): ArgumentSchema {
    const schema = ARGUMENT_SCHEMAS[componentType];
    if (!schema) {
        throw new Error(`no argument schema for ${componentType}: add it to tools/argumentSchemas.ts`);
    }
    return schema;
}

/**
 * The first step of every component's constructor: checks `args` against the description
 * generated from the component's `Args` interface. Unknown keys (with the nearest known one),
 * values of the wrong kind and values that fit no form are thrown at once, as one
 * `InputPropertiesError`, before anything is registered; the other problems (enums, ranges,
 * formats, required keys) are reported with the component's hand-written checks, which come next
 * and win at the same path, so each fault is reported once. Outputs and Promises pass untouched.
 */
export function checkArguments(componentType: string, componentName: string, args: unknown): void {
    const problems = checkAgainstSchema(argumentSchema(componentType), args ?? {}, "", componentType);
    const shape = problems.filter((p) => p.kind === "shape");
    if (shape.length > 0) {
        deferArgumentProblems(componentType, componentName, []);
        const all = new ArgumentProblems(componentType, componentName);
        onePerPath(problems).forEach((p) => all.add(p.propertyPath, p.reason));
        all.throwIfAny();
    }
    deferArgumentProblems(componentType, componentName, onePerPath(problems));
}

/**
 * Checks the arguments a composite passes to one of its parts, at `path` (e.g. `fleet`), against
 * the part's schema without the keys the composite wires itself (`omit`), into the composite's
 * `problems`. Returns true when the part's arguments have no problem.
 */
export function checkPartArguments(partType: string, args: unknown, path: string, problems: ArgumentProblems, omit: readonly string[] = []): boolean {
    const schema = argumentSchema(partType);
    const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([key]) => !omit.includes(key)));
    const trimmed: ArgumentSchema = { ...schema, properties, required: (schema.required ?? []).filter((key) => !omit.includes(key)) };
    const found = onePerPath(checkAgainstSchema(trimmed, args, path, partType));
    found.forEach((p) => problems.add(p.propertyPath, p.reason));
    return found.length === 0;
}

function onePerPath(problems: SchemaProblem[]): ArgumentProblem[] {
    const seen = new Set<string>();
    return problems
        .filter((p) => !seen.has(p.propertyPath) && seen.add(p.propertyPath))
        .map((p) => ({ propertyPath: p.propertyPath, reason: p.reason, ...(p.missing ? { missing: true } : {}) }));
}
