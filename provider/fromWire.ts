import * as pulumi from "@pulumi/pulumi";
import type { GeneratedSchema, TypeSpec } from "./schema/model";

/**
 * Turns the inputs a program in another language sent over Construct into the arguments the
 * TypeScript component takes: wire forms of unions back to the unions (`{ enabled: false }` →
 * `false`, `{ name: "X" }` → `"X"`), and values that arrived as Outputs (a secret or a value with
 * dependencies inside an object) into plain structure where the TypeScript type is plain, keeping
 * each Input leaf an Output with the same secretness and dependencies.
 */
export async function fromWire(value: unknown, spec: TypeSpec, generated: GeneratedSchema, path: string): Promise<unknown> {
    return convert(value, spec, generated, path, undefined);
}

/** Inputs of a component: every property by its schema spec. */
export async function argsFromWire(inputs: Record<string, unknown>, properties: Record<string, TypeSpec>, generated: GeneratedSchema): Promise<Record<string, unknown>> {
    const args: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(inputs)) {
        const spec = properties[key];
        args[key] = spec ? await fromWire(value, spec, generated, key) : value;
    }
    return args;
}

interface OutputInternals {
    isKnown: Promise<boolean>;
    promise(): Promise<unknown>;
}

/** The Output a value came in, whose secretness and dependencies its Input leaves keep. */
type Carrier = pulumi.Output<unknown> | undefined;

async function convert(value: unknown, spec: TypeSpec, generated: GeneratedSchema, path: string, carrier: Carrier): Promise<unknown> {
    if (value === undefined || value === null) {
        return undefined;
    }
    const leaf = isLeaf(spec, generated);
    if (pulumi.isUnknown(value)) {
        // A preview's value known only after deployment (not wrapped in an Output by the SDK).
        if (leaf && !spec.plain) {
            return pulumi.output(value);
        }
        throw unknownWherePlain(path);
    }
    if (pulumi.Output.isInstance(value)) {
        if (leaf && !spec.plain) {
            return value;
        }
        const internals = value as unknown as OutputInternals;
        if (!(await internals.isKnown)) {
            throw unknownWherePlain(path);
        }
        return convert(await internals.promise(), spec, generated, path, value);
    }
    if (leaf) {
        return carrier && !spec.plain ? carrier.apply(() => value) : value;
    }
    if (spec.type === "array") {
        if (!Array.isArray(value)) {
            return value;
        }
        return Promise.all(value.map((item, i) => convert(item, spec.items!, generated, `${path}[${i}]`, carrier)));
    }
    if (typeof value !== "object") {
        return value;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    if (spec.type === "object") {
        const item = spec.additionalProperties ?? { type: "string" };
        return Object.fromEntries(await Promise.all(entries.map(async ([k, v]) => [k, await convert(v, item, generated, `${path}.${k}`, carrier)])));
    }
    const token = spec.$ref!.replace("#/types/", "");
    const type = generated.schema.types[token];
    const wire = generated.wire[token] ?? {};
    if (wire.disable && (value as Record<string, unknown>)[wire.disable] === false) {
        return false;
    }
    // SDKs fill in the schema's `enabled: true`: it says nothing more than the object itself.
    const present = entries.filter(([k, v]) => v !== undefined && v !== null && k !== wire.disable);
    if (wire.scalar && present.length === 1 && present[0][0] === wire.scalar) {
        return present[0][1];
    }
    const result: Record<string, unknown> = {};
    for (const [k, v] of present) {
        const property = type?.properties?.[k];
        result[k] = property ? await convert(v, property, generated, `${path}.${k}`, carrier) : v;
    }
    return result;
}

/** Primitives, enums and `Any` pass as they are; arrays, maps and object types are walked. */
function isLeaf(spec: TypeSpec, generated: GeneratedSchema): boolean {
    if (spec.type === "array" || spec.type === "object") {
        return false;
    }
    if (spec.$ref?.startsWith("#/types/")) {
        return generated.schema.types[spec.$ref.slice("#/types/".length)]?.type !== "object";
    }
    return true;
}

function unknownWherePlain(path: string): pulumi.InputPropertyError {
    return new pulumi.InputPropertyError({ propertyPath: path, reason: "must be known when the program runs (a plain value, not the output of another resource)" });
}
