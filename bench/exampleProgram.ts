import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

/** The name and config (defaults and values of `Pulumi.yaml`, fully qualified) of an example project. */
export function exampleProject(dir: string): { name: string; config: Record<string, string> } {
    const manifest = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as Record<string, any>;
    const name = String(manifest.name);
    const config: Record<string, string> = {};
    for (const [key, spec] of Object.entries<any>(manifest.config ?? {})) {
        const value = spec && typeof spec === "object" ? (spec.value ?? spec.default) : spec;
        if (value !== undefined) {
            config[key.includes(":") ? key : `${name}:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { name, config };
}

/** Runs the example's program (its `index.ts`) from its own folder, as the Pulumi Node.js host would. */
export async function runExample(dir: string): Promise<void> {
    const previous = process.cwd();
    process.chdir(dir);
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(dir, "index.ts"));
    } finally {
        process.chdir(previous);
    }
}
