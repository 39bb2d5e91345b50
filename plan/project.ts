import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import type { PlanOptions } from "./options";

/** A Pulumi project as the offline plan runs it. */
export interface Project {
    name: string;
    /** Folder holding `Pulumi.yaml`. */
    dir: string;
    /** Absolute path of the program's entry (the `main` folder or file). */
    main: string;
    /** Fully qualified config (`namespace:key` → value). */
    config: Record<string, string>;
}

function readYaml(file: string): Record<string, any> {
    const parsed = yaml.load(fs.readFileSync(file, "utf8"));
    if (!parsed || typeof parsed !== "object") {
        throw new Error(`${file} is empty or not a YAML mapping`);
    }
    return parsed as Record<string, any>;
}

/** `key` of the project namespace becomes `project:key`; `ns:key` stays. */
function qualify(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function configValue(key: string, value: unknown, source: string): string | undefined {
    if (value && typeof value === "object" && !Array.isArray(value)) {
        const v = value as Record<string, unknown>;
        if ("secure" in v) {
            throw new Error(
                `config ${key} in ${source} is encrypted and the offline plan cannot decrypt it; pass --config ${key}=<value>`,
            );
        }
        if ("value" in v || "default" in v) {
            return configValue(key, v.value ?? v.default, source);
        }
        if ("type" in v || "description" in v) {
            // A declaration without a default (`type`, `description`): no value unless the stack sets one.
            return undefined;
        }
        return JSON.stringify(value);
    }
    if (value === undefined || value === null) {
        return undefined;
    }
    return typeof value === "string" ? value : JSON.stringify(value);
}

function addConfig(
    target: Record<string, string>,
    project: string,
    entries: Record<string, unknown>,
    source: string,
    overridden: Set<string> = new Set(),
): void {
    for (const [key, value] of Object.entries(entries)) {
        if (overridden.has(qualify(project, key))) {
            continue;
        }
        const text = configValue(key, value, source);
        if (text !== undefined) {
            target[qualify(project, key)] = text;
        }
    }
}

/** Reads `Pulumi.yaml`, the stack config file and `--config` values, in that order of precedence. */
export function loadProject(options: PlanOptions): Project {
    const dir = path.resolve(options.programDir);
    const projectFile = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(projectFile)) {
        throw new Error(`no Pulumi.yaml in ${dir}: pass the folder of a Pulumi program`);
    }
    const manifest = readYaml(projectFile);
    const name = String(manifest.name ?? "");
    if (!name) {
        throw new Error(`${projectFile} has no project name`);
    }
    const runtime = typeof manifest.runtime === "string" ? manifest.runtime : manifest.runtime?.name;
    if (runtime !== "nodejs") {
        throw new Error(`${projectFile} has runtime ${JSON.stringify(runtime)}; the offline plan runs nodejs programs only`);
    }
    const config: Record<string, string> = {};
    // Values given with --config win, and spare the plan from decrypting what they replace.
    const overridden = new Set(Object.keys(options.config).map((key) => qualify(name, key)));
    // Defaults a template declares (`template.config.<key>.default`) come first; the project's own config overrides them.
    const templateDefaults = Object.fromEntries(
        Object.entries((manifest.template?.config ?? {}) as Record<string, { default?: unknown }>)
            .filter(([, spec]) => spec && typeof spec === "object" && spec.default !== undefined)
            .map(([key, spec]) => [key, spec.default]),
    );
    addConfig(config, name, templateDefaults, `${projectFile} (template)`, overridden);
    addConfig(config, name, manifest.config ?? {}, projectFile, overridden);
    const stackFile = options.configFile ? path.resolve(options.configFile) : path.join(dir, `Pulumi.${options.stack}.yaml`);
    if (fs.existsSync(stackFile)) {
        addConfig(config, name, readYaml(stackFile).config ?? {}, stackFile, overridden);
    } else if (options.configFile) {
        throw new Error(`config file ${stackFile} does not exist`);
    }
    addConfig(config, name, options.config, "--config");
    return { name, dir, main: path.resolve(dir, manifest.main ?? "."), config };
}
