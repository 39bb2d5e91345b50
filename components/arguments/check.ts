import * as pulumi from "@pulumi/pulumi";
import { oneOf, show } from "../shared/errors";
import { ARGUMENT_FORMATS, isLogRetention, LOG_RETENTION_DAYS } from "./formats";
import { nearestKey } from "./nearest";
import { walkUnion } from "./union";
import type { ArgumentSchema } from "./schema";

/**
 * A problem found by the schema check. `shape` problems (a value of the wrong kind, a value that
 * fits no form of a union) would make the hand-written checks meaningless or crash them, so they
 * are reported at once; `value` problems (an unknown key, a missing required key, a value outside
 * an enum, a range or a format) are reported with the hand-written ones, which win at the same path.
 */
export interface SchemaProblem {
    propertyPath: string;
    reason: string;
    kind: "shape" | "value";
    /** A required argument that is missing: it explains the problems found below it. */
    missing?: boolean;
}

/** True for a value only known once resources exist: an Output, a Promise, or a resource object. */
export function isUnknown(value: unknown): boolean {
    return (
        pulumi.Output.isInstance(value) ||
        (typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function") ||
        pulumi.Resource.isInstance(value)
    );
}

/** `a.b`, `a[0]`: the path of a property as the user wrote it. */
export function joinPath(base: string, key: string | number): string {
    if (typeof key === "number") {
        return `${base}[${key}]`;
    }
    return base ? `${base}.${key}` : key;
}

/** Walks `value` along `schema` and returns every problem, each at the path the user wrote. */
export function checkAgainstSchema(schema: ArgumentSchema, value: unknown, path: string, owner: string): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    walk(schema, value, path, owner, problems);
    return problems;
}

function walk(schema: ArgumentSchema, value: unknown, path: string, owner: string, out: SchemaProblem[]): void {
    if (value === undefined || schema["x-opaque"] !== undefined) {
        return;
    }
    if (isUnknown(value)) {
        if (!acceptsUnknown(schema, value)) {
            out.push({
                propertyPath: path,
                reason: "must be a plain value, not an Output or a Promise: it decides which resources are created, so it must be known while the program runs",
                kind: "shape",
            });
        }
        return;
    }
    if (schema.anyOf) {
        walkUnion(schema, value, path, owner, out);
        return;
    }
    if (schema.const !== undefined) {
        if (value !== schema.const) {
            out.push({ propertyPath: path, reason: `${show(value)} is not allowed; use ${show(schema.const)}`, kind: "shape" });
        }
        return;
    }
    const kindProblem = wrongKind(schema, value);
    if (kindProblem) {
        out.push({ propertyPath: path, reason: `${show(value)} ${kindProblem}`, kind: "shape" });
        return;
    }
    if (schema.enum) {
        if (!schema.enum.includes(value as string)) {
            out.push({ propertyPath: path, reason: `${show(value)} is not allowed; use one of ${oneOf(schema.enum)}`, kind: "value" });
        }
        return;
    }
    switch (schema.type) {
        case "string":
            return checkString(schema, value as string, path, out);
        case "number":
            return checkNumber(schema, value as number, path, out);
        case "array":
            return walkArray(schema, value as unknown[], path, owner, out);
        case "object":
            return walkObject(schema, value as Record<string, unknown>, path, owner, out);
        default:
            return;
    }
}

/** Outputs and Promises are welcome where the interface says `pulumi.Input<T>`; resources wherever an object is. */
function acceptsUnknown(schema: ArgumentSchema, value: unknown): boolean {
    if (schema["x-input"] || schema.anyOf?.some((form) => form["x-input"])) {
        return true;
    }
    if (schema.type === undefined && !schema.anyOf && !schema.enum && schema.const === undefined) {
        return true;
    }
    return pulumi.Resource.isInstance(value) && (schema.type === "object" || schema.type === undefined || !!schema.anyOf?.some((form) => form.type === "object"));
}

/** Why `value` is not of the schema's kind ("must be a string"), or undefined when it is. */
export function wrongKind(schema: ArgumentSchema, value: unknown): string | undefined {
    switch (schema.type) {
        case "string":
            return typeof value === "string" ? undefined : "must be a string";
        case "number":
            return typeof value === "number" && Number.isFinite(value) ? undefined : "must be a number";
        case "boolean":
            return typeof value === "boolean" ? undefined : "must be true or false";
        case "array":
            return Array.isArray(value) ? undefined : "must be a list";
        case "object":
            return typeof value === "object" && value !== null && !Array.isArray(value) ? undefined : "must be an object";
        default:
            return undefined;
    }
}

function checkString(schema: ArgumentSchema, value: string, path: string, out: SchemaProblem[]): void {
    const format = schema.format ? ARGUMENT_FORMATS[schema.format] : undefined;
    if (format && !format.test(value)) {
        out.push({ propertyPath: path, reason: `${show(value)} must be ${format.expected}`, kind: "value" });
    }
    if (schema.minLength !== undefined && value.length < schema.minLength) {
        out.push({ propertyPath: path, reason: schema.minLength === 1 ? "must not be empty" : `must have at least ${schema.minLength} characters`, kind: "value" });
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        out.push({ propertyPath: path, reason: `${show(value)} is too long; use at most ${schema.maxLength} characters`, kind: "value" });
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
        out.push({ propertyPath: path, reason: `${show(value)} must match ${schema.pattern}`, kind: "value" });
    }
}

function checkNumber(schema: ArgumentSchema, value: number, path: string, out: SchemaProblem[]): void {
    if (schema.format === "log-retention-days" && !isLogRetention(value)) {
        out.push({ propertyPath: path, reason: `${show(value)} is not a CloudWatch Logs retention; use one of ${LOG_RETENTION_DAYS.join(", ")} (days)`, kind: "value" });
        return;
    }
    const stated = schema["x-range"];
    if (stated && !schema["x-also"]?.includes(value) && !(Number.isInteger(value) && value >= stated[0] && value <= stated[1])) {
        const also = schema["x-also"]?.length ? ` (or ${schema["x-also"].join(", ")})` : "";
        out.push({ propertyPath: path, reason: `${show(value)} is out of range; use an integer from ${stated[0]} to ${stated[1]}${also}`, kind: "value" });
        return;
    }
    const below = schema.minimum !== undefined && value < schema.minimum;
    const above = schema.maximum !== undefined && value > schema.maximum;
    if (below || above) {
        const range = schema.minimum !== undefined && schema.maximum !== undefined
            ? `from ${schema.minimum} to ${schema.maximum}`
            : schema.minimum !== undefined ? `of at least ${schema.minimum}` : `of at most ${schema.maximum}`;
        out.push({ propertyPath: path, reason: `${show(value)} is out of range; use a value ${range}`, kind: "value" });
    }
}

function walkArray(schema: ArgumentSchema, value: unknown[], path: string, owner: string, out: SchemaProblem[]): void {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
        out.push({
            propertyPath: path,
            reason: schema.minItems === 1 ? "must not be empty: list at least one" : `must list at least ${schema.minItems}`,
            kind: "value",
        });
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
        out.push({ propertyPath: path, reason: `lists ${value.length}; at most ${schema.maxItems} are allowed`, kind: "value" });
    }
    Array.from({ length: value.length }, (_, i) => i).forEach((i) => {
        const item = value[i];
        if (item === undefined || item === null) {
            out.push({ propertyPath: joinPath(path, i), reason: `is ${item}; remove it from the list or give a value`, kind: "shape" });
            return;
        }
        if (schema.items) {
            walk(schema.items, item, joinPath(path, i), owner, out);
        }
        if (schema.uniqueItems && !isUnknown(item)) {
            const first = value.findIndex((other) => JSON.stringify(other) === JSON.stringify(item));
            if (first < i) {
                out.push({ propertyPath: joinPath(path, i), reason: `${show(item)} is already listed at ${joinPath(path, first)}; list each once`, kind: "value" });
            }
        }
    });
}

function walkObject(schema: ArgumentSchema, value: Record<string, unknown>, path: string, owner: string, out: SchemaProblem[]): void {
    const known = Object.keys(schema.properties ?? {});
    for (const key of schema.required ?? []) {
        if (value[key] === undefined) {
            // A missing text, number or list would crash the hand-written checks; a missing object
            // they often name themselves, and it explains every problem found below it.
            const property = schema.properties?.[key];
            const object = property?.type === "object" || !!property?.anyOf?.some((form) => form.type === "object");
            out.push({ propertyPath: joinPath(path, key), reason: "is required", kind: object ? "value" : "shape", missing: true });
        }
    }
    for (const [key, item] of Object.entries(value)) {
        const property = schema.properties?.[key];
        if (property) {
            walk(property, item, joinPath(path, key), owner, out);
        } else if (typeof schema.additionalProperties === "object") {
            walk(schema.additionalProperties, item, joinPath(path, key), owner, out);
        } else if (schema.additionalProperties !== true && item !== undefined) {
            out.push({ propertyPath: joinPath(path, key), reason: unknownKey(key, known, owner), kind: "value" });
        }
    }
}

/** "`alias` is not an argument of aws-euc:cloudfront:Distribution; did you mean `aliases`?" */
export function unknownKey(key: string, known: readonly string[], owner: string): string {
    const near = nearestKey(key, known);
    const hint = near
        ? `did you mean \`${near}\`?`
        : known.length > 0 && known.length <= 8
          ? `use one of ${known.map((k) => `\`${k}\``).join(", ")}`
          : `it takes ${known.length === 0 ? "none here" : `${known.length} others, none of them close`}`;
    return `\`${key}\` is not an argument of ${owner}; ${hint}`;
}
