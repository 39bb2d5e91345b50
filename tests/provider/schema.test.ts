import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { GENERATED_FILE, generateSchema } from "../../provider/schema/generate";
import { SERVED_COMPONENTS } from "../../provider/schema/components";
import { MonitorStub } from "./monitor";
import { PluginProcess } from "./pluginProcess";

/*
 * Pulumi's package metaschema (pkg/codegen/schema/pulumi.json in pulumi/pulumi) ships in no npm
 * package, so these are the structural rules it states, checked here as our own test.
 */
const NAME = /^[a-zA-Z][-a-zA-Z0-9_]*$/;
const TOKEN = /^[a-zA-Z][-a-zA-Z0-9_]*:([^0-9][a-zA-Z0-9._/-]*)?:[^0-9][a-zA-Z0-9._/]*$/;
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const PRIMITIVES = ["boolean", "integer", "number", "string"];

/** Problems with one type reference (metaschema `typeSpec`: primitive, array, map or named type). */
function typeSpecProblems(spec: any, where: string, types: Record<string, unknown>, resources: Record<string, unknown> = {}): string[] {
    if (spec.$ref !== undefined) {
        if (spec.items !== undefined || spec.additionalProperties !== undefined) {
            return [`${where}: a named type has no items or additionalProperties`];
        }
        if (spec.$ref === "pulumi.json#/Any" || spec.$ref === "pulumi.json#/Archive" || spec.$ref === "pulumi.json#/Asset") {
            return [];
        }
        if (/^\/aws\/v[0-9.]+\/schema\.json#\/resources\/aws:[a-zA-Z0-9]+%2F[a-zA-Z0-9]+:[A-Z][a-zA-Z0-9]*$/.test(spec.$ref)) {
            return []; // a resource of the aws package, by its schema's address
        }
        const [, section, token] = /^#\/(types|resources)\/(.+)$/.exec(spec.$ref) ?? [];
        return section && token in (section === "types" ? types : resources) ? [] : [`${where}: $ref ${spec.$ref} names nothing in the schema`];
    }
    if (spec.type === "array") {
        return spec.items ? typeSpecProblems(spec.items, `${where}.items`, types, resources) : [`${where}: an array needs items`];
    }
    if (spec.type === "object") {
        return spec.items !== undefined ? [`${where}: a map has no items`] : spec.additionalProperties ? typeSpecProblems(spec.additionalProperties, `${where}.additionalProperties`, types, resources) : [];
    }
    if (!PRIMITIVES.includes(spec.type)) {
        return [`${where}: type ${spec.type} is not a primitive`];
    }
    if (spec.items !== undefined || spec.additionalProperties !== undefined) {
        return [`${where}: a primitive has only a type`];
    }
    if (spec.default !== undefined && typeof spec.default !== (spec.type === "integer" ? "number" : spec.type)) {
        return [`${where}: default ${JSON.stringify(spec.default)} is not a ${spec.type}`];
    }
    return [];
}

function propertiesProblems(properties: Record<string, any> = {}, required: string[] = [], where: string, types: Record<string, unknown>, resources?: Record<string, unknown>): string[] {
    const problems = Object.entries(properties).flatMap(([name, spec]) => typeSpecProblems(spec, `${where}.${name}`, types, resources));
    return problems.concat(required.filter((r) => !(r in properties)).map((r) => `${where}: required ${r} is not a property`));
}

export function schemaProblems(schema: any): string[] {
    const problems: string[] = [];
    if (!NAME.test(schema.name ?? "")) problems.push(`name ${schema.name} is not a package name`);
    if (schema.version !== undefined && !SEMVER.test(schema.version)) problems.push(`version ${schema.version} is not semver`);
    for (const [token, type] of Object.entries<any>(schema.types ?? {})) {
        if (!TOKEN.test(token)) problems.push(`type token ${token}`);
        if (type.type === "object") {
            problems.push(...propertiesProblems(type.properties, type.required, token, schema.types));
        } else if (PRIMITIVES.includes(type.type) && Array.isArray(type.enum) && type.enum.length > 0) {
            problems.push(...type.enum.filter((e: any) => e.value === undefined || typeof e.value !== (type.type === "integer" ? "number" : type.type)).map((e: any) => `${token}: enum value ${JSON.stringify(e)}`));
        } else {
            problems.push(`${token}: neither an object nor an enum type`);
        }
    }
    for (const [token, resource] of Object.entries<any>(schema.resources ?? {})) {
        if (!TOKEN.test(token)) problems.push(`resource token ${token}`);
        if (token in (schema.types ?? {})) problems.push(`${token} is both a type and a resource`);
        problems.push(...propertiesProblems(resource.inputProperties, resource.requiredInputs, `${token} inputs`, schema.types));
        problems.push(...propertiesProblems(resource.properties, resource.required, `${token} outputs`, schema.types, schema.resources));
        for (const reserved of ["id", "urn"]) {
            if (reserved in (resource.properties ?? {})) problems.push(`${token}: output ${reserved} is reserved`);
        }
    }
    return problems;
}

describe("provider: GetSchema", function () {
    this.timeout(120000);

    it("the plugin process answers a schema that keeps the metaschema's rules, with the served components", async () => {
        const monitor = new MonitorStub("project", "test");
        await monitor.start();
        const plugin = await PluginProcess.start(monitor.address);
        try {
            const schema = await plugin.getSchema();
            assert.deepEqual(schemaProblems(schema), []);
            assert.equal(schema.name, "aws-euc");
            assert.deepEqual(Object.keys(schema.resources).sort(), SERVED_COMPONENTS.map((c) => c.token).sort());
            for (const resource of Object.values<any>(schema.resources)) {
                assert.equal(resource.isComponent, true);
            }
            const desktop = schema.resources["aws-euc:workspaces:DesktopEnvironment"];
            assert.equal(desktop.properties.userPasswords.secret, true);
            assert.deepEqual(desktop.requiredInputs.sort(), ["desktops", "directory", "users"]);
            const distribution = schema.resources["aws-euc:cloudfront:Distribution"];
            assert.equal(distribution.inputProperties.ipv6.default, undefined, "defaults are the component's, not sent by SDKs");
            assert.match(distribution.inputProperties.ipv6.description, /Default: true\.$/);
            assert.deepEqual(schema.types["aws-euc:cloudfront:DistributionPriceClass"].enum.map((e: any) => e.value), ["PriceClass_All", "PriceClass_200", "PriceClass_100"]);
            assert.equal(schema.types["aws-euc:cloudfront:WafOptions"].properties.enabled.type, "boolean");
            assert.equal(distribution.properties.distribution.$ref, "/aws/v7.48.0/schema.json#/resources/aws:cloudfront%2Fdistribution:Distribution");
            assert.equal(distribution.properties.certificate.$ref, "#/resources/aws-euc:cloudfront:Certificate");
        } finally {
            plugin.stop();
            monitor.stop();
        }
    });

    it("the checks catch what the metaschema refuses", () => {
        const broken = {
            name: "9bad",
            types: { "aws-euc:cloudfront:X": { type: "object", properties: { a: { type: "array" }, b: { $ref: "#/types/aws-euc:cloudfront:Missing" } }, required: ["c"] } },
            resources: { "aws-euc:cloudfront:R": { inputProperties: { p: { type: "string", default: 3 } }, properties: { id: { type: "string" }, child: { $ref: "/aws/v7.0.0/schema.json#/resources/aws:s3/bucket:Bucket" } } } },
        };
        assert.deepEqual(schemaProblems(broken), [
            "name 9bad is not a package name",
            "aws-euc:cloudfront:X.a: an array needs items",
            "aws-euc:cloudfront:X.b: $ref #/types/aws-euc:cloudfront:Missing names nothing in the schema",
            "aws-euc:cloudfront:X: required c is not a property",
            "aws-euc:cloudfront:R inputs.p: default 3 is not a string",
            "aws-euc:cloudfront:R outputs.child: $ref /aws/v7.0.0/schema.json#/resources/aws:s3/bucket:Bucket names nothing in the schema",
            "aws-euc:cloudfront:R: output id is reserved",
        ]);
    });

    it("provider/schema/generated.json is what the TypeScript Args give today (run provider/schema/generate.ts)", () => {
        const committed = JSON.parse(fs.readFileSync(GENERATED_FILE, "utf8"));
        assert.deepEqual(generateSchema(committed.schema.version), committed);
    });
});
