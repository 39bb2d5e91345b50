import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import Ajv from "ajv";
import * as pulumi from "@pulumi/pulumi";
import { ARGUMENT_FORMATS, ARGUMENT_SCHEMAS, ArgumentSchema, checkAgainstSchema, checkPartArguments, isTimeZone, nearestKey } from "../../components/arguments";
import { ArgumentProblems } from "../../components/shared";
import { ARGUMENT_SOURCES, GENERATED_FILE, generateArgumentSchemas, renderArgumentSchemas } from "../../tools/argumentSchemas";
import { attempt, COMPONENTS, withValue } from "./components";

/** Every number argument whose JSDoc states a range (`x-range`), by the path a user writes. */
function statedRanges(schema: ArgumentSchema, path = ""): { path: string; range: readonly [number, number] }[] {
    const found: { path: string; range: readonly [number, number] }[] = [];
    if (schema["x-range"]) {
        found.push({ path, range: schema["x-range"] });
    }
    const objectForm = schema.anyOf?.find((f) => f.type === "object" && f.properties) ?? schema;
    for (const [key, property] of Object.entries(objectForm.properties ?? {})) {
        found.push(...statedRanges(property, path ? `${path}.${key}` : key));
    }
    return found;
}

/** Arguments some ranges need around them to reach the check (scaling needs its bounds). */
const CONTEXT: Record<string, Record<string, unknown>> = {
    scaling: { minCapacity: 1, maxCapacity: 4 },
    "fleet.scaling": { minCapacity: 1, maxCapacity: 4 },
    "directory.radius": { servers: ["10.0.0.5"], sharedSecret: "s3cret" },
    radius: { servers: ["10.0.0.5"], sharedSecret: "s3cret" },
    mediaStreaming: { origin: "site" },
};

async function pathsRefused(component: string, path: string, value: number): Promise<string[]> {
    const target = COMPONENTS[component];
    let args = target.valid();
    const parent = path.slice(0, path.lastIndexOf("."));
    if (CONTEXT[parent]) {
        args = withValue(args, parent, CONTEXT[parent]);
    }
    const result = await attempt(target, withValue(args, path, value), "t", false);
    return pulumi.InputPropertiesError.isInstance(result.error) ? result.error.errors.map((e) => e.propertyPath) : [];
}

describe("the argument description", () => {
    it("is generated from the Args interfaces and their JSDoc, and is up to date", function () {
        this.timeout(120_000);
        const schemas = generateArgumentSchemas();
        assert.equal(fs.readFileSync(GENERATED_FILE, "utf8"), renderArgumentSchemas(schemas), "run npx tsx tools/argumentSchemas.ts");
        assert.deepEqual(Object.keys(ARGUMENT_SCHEMAS).sort(), ARGUMENT_SOURCES.map(([type]) => type).sort());
    });

    it("is JSON Schema that ajv compiles, and ajv agrees with the runtime check on arguments that pass", () => {
        const ajv = new Ajv({ allErrors: true });
        ajv.addKeyword("x-opaque").addKeyword("x-range").addKeyword("x-also").addKeyword("x-input");
        for (const [name, format] of Object.entries(ARGUMENT_FORMATS)) {
            ajv.addFormat(name, format.test);
        }
        ajv.addFormat("log-retention-days", { type: "number", validate: () => true });
        for (const [name, target] of Object.entries(COMPONENTS)) {
            const validate = ajv.compile(ARGUMENT_SCHEMAS[target.type]);
            assert.ok(validate(target.valid()), `${name}: ${ajv.errorsText(validate.errors)}`);
            assert.deepEqual(checkAgainstSchema(ARGUMENT_SCHEMAS[target.type], target.valid(), "", target.type), []);
            assert.equal(validate({ ...target.valid(), notAnArgument: 1 }), false);
        }
    });

    it("lets Outputs and Promises through untouched: they are unknown at preview", () => {
        const schema = ARGUMENT_SCHEMAS["aws-euc:appstream:Fleet"];
        const args = { ...COMPONENTS.Fleet.valid(), network: { vpcId: pulumi.output("vpc123"), subnetIds: Promise.resolve(["my-subnet"]) }, iamRoleArn: pulumi.output(5) };
        assert.deepEqual(checkAgainstSchema(schema, args, "", "Fleet"), []);
    });

    it("states in the docs the ranges that the checks enforce", async () => {
        const disagreements: string[] = [];
        let checked = 0;
        for (const [component, target] of Object.entries(COMPONENTS)) {
            for (const { path, range } of statedRanges(ARGUMENT_SCHEMAS[target.type])) {
                const [min, max] = range;
                checked++;
                const expectations: [number, boolean][] = [[min, false], [max, false], [max + 1, true], ...(min > 0 ? [[min - 1, true] as [number, boolean]] : [])];
                for (const [value, refused] of expectations) {
                    if ((await pathsRefused(component, path, value)).includes(path) !== refused) {
                        disagreements.push(`${component} ${path}: the doc says ${min}–${max}, but ${value} is ${refused ? "accepted" : "refused"}`);
                    }
                }
            }
        }
        assert.ok(checked >= 20, `${checked} documented ranges`);
        assert.deepEqual(disagreements, []);
    });

    it("checks a part's arguments at the path a composite's user wrote, without the keys the composite wires", () => {
        const problems = new ArgumentProblems("aws-euc:appstream:StreamingEnvironment", "e");
        const fleet = { instanceType: "stream.standard.medium", image: { name: "App" }, capacity: { desiredInstances: 2 }, maxUserDuration: 3600, streamView: "WINDOW" };
        assert.equal(checkPartArguments("aws-euc:appstream:Fleet", fleet, "fleet", problems, ["network", "tags"]), false);
        assert.throws(() => problems.throwIfAny(), {
            message: [
                "aws-euc:appstream:StreamingEnvironment 'e' has invalid arguments:",
                "  - fleet.maxUserDuration: `maxUserDuration` is not an argument of aws-euc:appstream:Fleet; did you mean `maxUserDurationInSeconds`?",
                "  - fleet.streamView: 'WINDOW' is not allowed; use one of 'APP', 'DESKTOP'",
            ].join("\n"),
        });
        const valid = { instanceType: "stream.standard.medium", image: { name: "App" }, capacity: { desiredInstances: 2 } };
        assert.equal(checkPartArguments("aws-euc:appstream:Fleet", valid, "fleet", new ArgumentProblems("t", "e"), ["network", "tags"]), true);
    });

    it("suggests the nearest known key, and only when it is close", () => {
        assert.equal(nearestKey("alias", ["aliases", "origins", "hostedZone"]), "aliases");
        assert.equal(nearestKey("hostedzone", ["aliases", "hostedZone"]), "hostedZone");
        assert.equal(nearestKey("orgins", ["aliases", "origins"]), "origins");
        assert.equal(nearestKey("network", ["instanceType", "image", "capacity"]), undefined);
    });

    it("knows IANA time zones, AWS ids by their AWS patterns, and ARNs by service", () => {
        assert.ok(isTimeZone("Europe/Paris") && isTimeZone("UTC") && !isTimeZone("Paris") && !isTimeZone("CET+1"));
        assert.ok(ARGUMENT_FORMATS["vpc-id"].test("vpc-0a1b2c3d") && ARGUMENT_FORMATS["vpc-id"].test("vpc-0123456789abcdef0"));
        assert.ok(!ARGUMENT_FORMATS["vpc-id"].test("vpc123") && !ARGUMENT_FORMATS["vpc-id"].test("vpc-0A1B2C3D") && !ARGUMENT_FORMATS["vpc-id"].test("vpc-0123456789"));
        assert.ok(ARGUMENT_FORMATS["sns-topic-arn"].test("arn:aws:sns:eu-west-3:123456789012:alarms"));
        assert.ok(!ARGUMENT_FORMATS["sns-topic-arn"].test("arn:aws:sqs:eu-west-3:123456789012:alarms"));
        assert.ok(ARGUMENT_FORMATS["aws-region"].test("eu-west-3") && !ARGUMENT_FORMATS["aws-region"].test("eu-west-99"));
    });
});
