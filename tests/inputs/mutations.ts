import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { ARGUMENT_FORMATS, ArgumentSchema } from "../../components/arguments";

/** One place of a component's arguments a user may set, and values to try there. */
export interface Leaf {
    path: string;
    values: readonly unknown[];
    /** The JSDoc of this argument or one above it calls it an explicit, insecure opt-out. */
    optOut: boolean;
}

/** An example of a well-formed value of a format, taken from its own message ("e.g. 'vpc-…'"). */
function exampleOf(format: string): string | undefined {
    return /e\.g\. '([^']+)'/.exec(ARGUMENT_FORMATS[format]?.expected ?? "")?.[1];
}

/** Values a user might put where `schema` is: some right, most wrong in a way users are. */
function valuesFor(schema: ArgumentSchema, sample: unknown): unknown[] {
    const plain = sample === undefined ? [] : [sample];
    if (schema.anyOf) {
        return [...plain, ...schema.anyOf.flatMap((form) => valuesFor(form, undefined)).slice(0, 8)];
    }
    if (schema.const !== undefined) {
        return [schema.const, !schema.const];
    }
    if (schema.enum) {
        return [...schema.enum, "bogus", schema.enum[0] === undefined ? 1 : String(schema.enum[0]).toLowerCase()];
    }
    const input = schema["x-input"] && sample !== undefined ? [pulumi.output(sample)] : [pulumi.output("unknown")];
    switch (schema.type) {
        case "string": {
            const example = schema.format ? exampleOf(schema.format) : undefined;
            return [...plain, ...(example ? [example] : []), "", "bogus value", 5, ...input];
        }
        case "number": {
            const [min, max] = schema["x-range"] ?? [0, 100];
            return [...plain, min, max, max + 1, min - 1, 1.5, "7", ...(schema["x-also"] ?? []), ...input];
        }
        case "boolean":
            return [true, false, "yes", ...input];
        case "array":
            return [...plain, [], "a", [5], ...input];
        case "object":
            return [...plain, {}, "x", { bogusKey: 1 }, ...input];
        default:
            return [...plain, null];
    }
}

/**
 * Every place under `schema` a user may set, following the valid arguments `sample` into records
 * and lists (their existing keys and first item) and into the object form of unions.
 */
export function leavesOf(schema: ArgumentSchema, sample: unknown, path = "", optOut = false): Leaf[] {
    const here = optOut || /opt-out|insecure/i.test(schema.description ?? "");
    const leaves: Leaf[] = path ? [{ path, values: valuesFor(schema, sample), optOut: here }] : [];
    const objectForms = (schema.anyOf ?? [schema]).filter((form) => form.type === "object");
    const record = sample && typeof sample === "object" && !Array.isArray(sample) ? (sample as Record<string, unknown>) : {};
    for (const form of objectForms) {
        for (const [key, property] of Object.entries(form.properties ?? {})) {
            leaves.push(...leavesOf(property, record[key], path ? `${path}.${key}` : key, here));
        }
        if (typeof form.additionalProperties === "object") {
            for (const key of Object.keys(record)) {
                leaves.push(...leavesOf(form.additionalProperties, record[key], path ? `${path}.${key}` : key, here));
            }
        }
    }
    if (schema.type === "array" && schema.items && Array.isArray(sample) && sample.length > 0) {
        leaves.push(...leavesOf(schema.items, sample[0], `${path}[0]`, here));
    }
    return leaves;
}

/** A change a run makes to the valid arguments. */
export interface Mutation {
    path: string;
    value: unknown;
    optOut: boolean;
}

/** One to three changes, each at a place of the arguments, or a key that does not exist. */
export function mutationsOf(leaves: readonly Leaf[]): fc.Arbitrary<Mutation[]> {
    const change = fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...leaves).chain((leaf) => fc.constantFrom(...leaf.values, undefined).map((value) => ({ path: leaf.path, value, optOut: leaf.optOut }))) },
        { weight: 1, arbitrary: fc.constantFrom(...leaves).map((leaf) => ({ path: `${leaf.path}x`, value: 1, optOut: false })) },
    );
    return fc.array(change, { minLength: 1, maxLength: 3 });
}
