import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { Certificate, Distribution } from "../components/cloudfront";
import { Fleet, ImageBuilder, StreamingEnvironment } from "../components/appstream";
import { DesktopEnvironment, Directory, EncryptionKey } from "../components/workspaces";
import { ArgumentProblems } from "../components/shared";
import { argsFromWire } from "./fromWire";
import { outputNames, SERVED_COMPONENTS } from "./schema/components";
import type { GeneratedSchema } from "./schema/model";

type ComponentClass = new (name: string, args: any, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/** The class behind each served type token. */
const CLASSES: Record<string, ComponentClass> = {
    "aws-euc:cloudfront:Distribution": Distribution,
    "aws-euc:cloudfront:Certificate": Certificate,
    "aws-euc:appstream:StreamingEnvironment": StreamingEnvironment,
    "aws-euc:appstream:ImageBuilder": ImageBuilder,
    "aws-euc:appstream:Fleet": Fleet,
    "aws-euc:workspaces:EncryptionKey": EncryptionKey,
    "aws-euc:workspaces:Directory": Directory,
    "aws-euc:workspaces:DesktopEnvironment": DesktopEnvironment,
};

/** The generated schema (`provider/schema/generated.json`), next to the sources or to `dist/`. */
export function loadGeneratedSchema(): GeneratedSchema {
    const candidates = [path.join(__dirname, "schema", "generated.json"), path.resolve(__dirname, "../../provider/schema/generated.json")];
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file) {
        throw new Error(`the package schema is missing (looked for ${candidates.join(", ")})`);
    }
    return JSON.parse(fs.readFileSync(file, "utf8")) as GeneratedSchema;
}

/**
 * The components over Pulumi's provider protocol: GetSchema answers the generated package schema,
 * Construct builds the TypeScript component from the inputs another language sent.
 */
export class EucProvider implements provider.Provider {
    readonly version: string;
    private readonly generated: GeneratedSchema;

    constructor(generated: GeneratedSchema = loadGeneratedSchema()) {
        this.generated = generated;
        this.version = generated.schema.version;
    }

    async getSchema(): Promise<string> {
        return JSON.stringify(this.generated.schema);
    }

    async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<provider.ConstructResult> {
        const served = SERVED_COMPONENTS.find((c) => c.token === type);
        const Class = CLASSES[type];
        if (!served || !Class) {
            throw new Error(`unknown resource type ${type}; this package serves ${SERVED_COMPONENTS.map((c) => c.token).join(", ")}`);
        }
        const spec = this.generated.schema.resources[type];
        const args = await argsFromWire(inputs, spec.inputProperties, this.generated).catch((err: unknown) => {
            if (!pulumi.InputPropertyError.isInstance(err)) {
                throw err;
            }
            // Reported like the components' own argument checks: type, name, then each path and reason.
            const problems = new ArgumentProblems(type, name);
            problems.add(err.propertyPath, err.reason);
            problems.throwIfAny();
            throw err;
        });
        const component = new Class(name, args, options) as unknown as Record<string, unknown> & pulumi.ComponentResource;
        const state: Record<string, unknown> = {};
        for (const [wire, tsName] of Object.entries(outputNames(served, Object.keys(spec.properties)))) {
            state[wire] = component[tsName];
        }
        return { urn: component.urn, state };
    }
}
