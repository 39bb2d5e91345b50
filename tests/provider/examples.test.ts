import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { loadGeneratedSchema } from "../../provider/provider";
import type { TypeSpec } from "../../provider/schema/model";

const schema = loadGeneratedSchema().schema;

/** Python's snake_case name of a schema property, as the generated SDK spells it. */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every input property name of the package (resources and types), in Python's spelling. */
const PYTHON_NAMES = new Set(
    [...Object.values<any>(schema.resources).map((r) => r.inputProperties), ...Object.values<any>(schema.types).map((t) => t.properties ?? {})].flatMap((p) => Object.keys(p).map(snake)),
);

describe("provider: the examples use the schema's names", () => {
    it("examples/python-workspaces: every argument and dict key given to a component is an input of the schema", () => {
        const program = fs.readFileSync(path.join(__dirname, "../../examples/python-workspaces/__main__.py"), "utf8");
        const calls = [...program.matchAll(/euc\.\w+\.\w+\(/g)].map((m) => argumentsAt(program, m.index! + m[0].length));
        assert.ok(calls.length >= 2, "the example calls the SDK");
        // Keys of maps (tags) are the user's own.
        const names = calls.map((body) => body.replace(/tags=\{[^}]*\}/g, "")).flatMap((body) => [...body.matchAll(/(\w+)=/g), ...body.matchAll(/"(\w+)":/g)].map((m) => m[1]));
        assert.ok(names.includes("provision_users") && names.includes("vpc_id"));
        assert.deepEqual(names.filter((n) => !PYTHON_NAMES.has(n)), []);
        for (const output of [...program.matchAll(/desktops\.(\w+)/g)].map((m) => m[1])) {
            assert.ok(snake(output) === output && Object.keys(schema.resources["aws-euc:workspaces:DesktopEnvironment"].properties).map(snake).includes(output), output);
        }
    });

    it("examples/yaml-cloudfront: every property given to a component is an input of the schema, of its type", () => {
        const program = yaml.load(fs.readFileSync(path.join(__dirname, "../../examples/yaml-cloudfront/Pulumi.yaml"), "utf8")) as any;
        const components = Object.entries<any>(program.resources).filter(([, r]) => r.type.startsWith("aws-euc:"));
        assert.equal(components.length, 1);
        const problems = components.flatMap(([name, r]) => Object.entries<any>(r.properties).flatMap(([k, v]) => {
            const spec = schema.resources[r.type].inputProperties[k];
            return spec ? mismatches(v, spec, `${name}.${k}`) : [`${name}.${k}: no such input`];
        }));
        assert.deepEqual(problems, []);
    });
});

/** The text between the parenthesis opened just before `start` and the one that closes it. */
function argumentsAt(text: string, start: number): string {
    let depth = 1;
    for (let i = start; i < text.length; i++) {
        depth += text[i] === "(" ? 1 : text[i] === ")" ? -1 : 0;
        if (depth === 0) {
            return text.slice(start, i);
        }
    }
    throw new Error("unbalanced parentheses");
}

/** Where a YAML value does not fit its schema type (`${…}` interpolations fit any Input). */
function mismatches(value: unknown, spec: TypeSpec, where: string): string[] {
    if (typeof value === "string" && value.startsWith("${")) {
        return spec.plain ? [`${where}: plain, so it cannot be another resource's output`] : [];
    }
    if (spec.type === "array") {
        return Array.isArray(value) ? value.flatMap((v, i) => mismatches(v, spec.items!, `${where}[${i}]`)) : [`${where}: not a list`];
    }
    if (spec.type === "object") {
        return Object.entries(value as object).flatMap(([k, v]) => mismatches(v, spec.additionalProperties ?? { type: "string" }, `${where}.${k}`));
    }
    if (spec.$ref?.startsWith("#/types/")) {
        const type = schema.types[spec.$ref.slice(8)];
        if (type.enum) {
            return type.enum.some((e: any) => e.value === value) ? [] : [`${where}: ${String(value)} is not one of the enum`];
        }
        return Object.entries(value as object).flatMap(([k, v]) => (type.properties?.[k] ? mismatches(v, type.properties[k], `${where}.${k}`) : [`${where}.${k}: no such property`]));
    }
    return spec.type && typeof value !== (spec.type === "integer" ? "number" : spec.type) ? [`${where}: not a ${spec.type}`] : [];
}
