/**
 * The description of a component's arguments: a subset of JSON Schema (draft 2020-12) generated
 * from the TypeScript `Args` interfaces and their JSDoc by `tools/argumentSchemas.ts`, so that the
 * types, the hover docs and the runtime check come from one place.
 *
 * Extensions (prefixed `x-`, ignored by other JSON Schema tools):
 * - `x-opaque`: a value the check does not look into (a resource object, a function).
 * - `x-range`: the range stated in the JSDoc prose ("1–3"), kept for the docs drift test.
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
    "x-range"?: readonly [number, number];
}
