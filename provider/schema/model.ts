/** A type reference of the Pulumi package schema. */
export interface TypeSpec {
    type?: "boolean" | "integer" | "number" | "string" | "array" | "object";
    items?: TypeSpec;
    additionalProperties?: TypeSpec;
    $ref?: string;
    plain?: boolean;
}

/** A property of the Pulumi package schema. */
export interface PropertySpec extends TypeSpec {
    description?: string;
    default?: string | number | boolean;
    secret?: boolean;
}

/**
 * How a schema object type stands for a TypeScript union it could not express; the provider maps
 * the wire value back to the TypeScript one.
 */
export interface WireForm {
    /** `false | {...}`: this boolean property set to `false` stands for `false`. */
    disable?: string;
    /** `"preset" | {...}`: this property given alone stands for the string itself. */
    scalar?: string;
    /** `{ a } | { b }`: one object with the properties of all members (sent as is). */
    merged?: boolean;
}

/** The generated file: the package schema and the wire forms of its object types. */
export interface GeneratedSchema {
    schema: {
        name: string;
        version: string;
        resources: Record<string, any>;
        types: Record<string, any>;
        [key: string]: unknown;
    };
    /** Object type token → wire form. */
    wire: Record<string, WireForm>;
}
