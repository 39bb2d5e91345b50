/**
 * The description of a component's arguments: a subset of JSON Schema (draft 2020-12) generated
 * from the TypeScript `Args` interfaces and their JSDoc by `tools/argumentSchemas.ts`, so that the
 * types, the hover docs and the runtime check come from one place.
 *
 * Extensions (prefixed `x-`, ignored by other JSON Schema tools):
 * - `x-opaque`: a value the check does not look into (a resource object, a function).
 * - `x-input`: a `pulumi.Input<T>`: an Output or a Promise is welcome (unknown at preview).
 * - `x-range`: the range of whole numbers stated in the JSDoc prose ("1–3"), so the hover doc is
 *   the check; `x-also`: values the prose allows besides ("0 (never) or 60–36000").
 */
export interface ArgumentSchema {
    type?: "string" | "number" | "boolean" | "object" | "array";
    description?: string;
    default?: string;
    enum?: readonly (string | number | boolean)[];
    const?: string | number | boolean;
    anyOf?: readonly ArgumentSchema[];
    properties?: { readonly [key: string]: ArgumentSchema };
    required?: readonly string[];
    additionalProperties?: boolean | ArgumentSchema;
    items?: ArgumentSchema;
    minItems?: number;
    maxItems?: number;
    uniqueItems?: boolean;
    minimum?: number;
    maximum?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    format?: string;
    "x-opaque"?: string;
    "x-input"?: boolean;
    "x-range"?: readonly [number, number];
    "x-also"?: readonly number[];
}
