import * as fs from "node:fs";
import * as path from "node:path";
import { MockAnswers, MockEngine, PulumiSdk, RecordedResource } from "../engine";
import type { PlanOptions } from "./options";
import { readMocksFile } from "./mocksFile";
import { loadProject, Project } from "./project";
import { findTypeScript, registerTypeScript } from "./typescript";

/** A stack output as the plan shows it. */
export interface PlannedOutput {
    value: unknown;
    secret: boolean;
    /** False when the value is only known after deployment (the mock answered none). */
    known: boolean;
}

/** What running a program on the mock engine produced. */
export interface PlanResult {
    project: Project;
    stack: string;
    resources: RecordedResource[];
    outputs: Record<string, PlannedOutput>;
}

/** A failure of the program itself (not of the plan tool): the CLI exits 2 with its message. */
export class ProgramError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ProgramError";
    }
}

/** The program's own `@pulumi/pulumi`: the mocks must be set on the copy the program loads. */
function programSdk(project: Project): PulumiSdk {
    let resolved: string;
    try {
        resolved = require.resolve("@pulumi/pulumi", { paths: [project.dir] });
    } catch {
        throw new ProgramError(`no @pulumi/pulumi installed for the program in ${project.dir}: run \`npm install\` there first`);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program's own copy, found at run time
    return require(resolved) as PulumiSdk;
}

const ENTRY_FILES = ["index.ts", "index.js"];

/**
 * The file the Node.js host runs: `main` of Pulumi.yaml (a file or folder), else the folder's
 * package.json `main`, else `index.ts` / `index.js`. Never a sibling `<folder>.json`.
 */
export function resolveEntry(main: string): string {
    if (fs.existsSync(main) && fs.statSync(main).isFile()) {
        return main;
    }
    if (fs.existsSync(main) && fs.statSync(main).isDirectory()) {
        const manifest = path.join(main, "package.json");
        const declared = fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, "utf8")) as { main?: string }).main : undefined;
        const candidates = [
            ...(declared ? [declared, `${declared}.ts`, `${declared}.js`, path.join(declared, "index.ts"), path.join(declared, "index.js")] : []),
            ...ENTRY_FILES,
        ].map((file) => path.resolve(main, file));
        const found = candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
        if (found) {
            return found;
        }
    }
    for (const extension of [".ts", ".js"]) {
        if (fs.existsSync(main + extension)) {
            return main + extension;
        }
    }
    throw new ProgramError(`no program at ${main}: expected a file, or a folder with package.json "main", index.ts or index.js`);
}

/** Loads the program the way the Pulumi Node.js host does: its exports, or what its default function returns. */
export async function runProgram(entry: string): Promise<Record<string, unknown>> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(entry);
    if (typeof mod?.default === "function") {
        return (await mod.default()) ?? {};
    }
    if (typeof mod === "function") {
        return (await mod()) ?? {};
    }
    return mod ?? {};
}

/** While the program runs, what it prints goes to stderr, so that stdout carries only the report. */
async function withStdoutOnStderr<T>(run: () => Promise<T>): Promise<T> {
    const write = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    try {
        return await run();
    } finally {
        process.stdout.write = write;
    }
}

async function resolveOutput(engine: MockEngine, value: unknown): Promise<PlannedOutput> {
    const output = engine.sdk.Resource.isInstance(value) ? value.urn : engine.sdk.output(value);
    const secret = await engine.sdk.isSecret(output);
    return (await engine.isKnown(output))
        ? { value: await engine.unwrap(output), secret, known: true }
        : { value: undefined, secret, known: false };
}

function firstLine(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
}

/**
 * Runs the program in `options.programDir` on the mock engine, as a `pulumi preview` of the
 * stack would (inside a root `pulumi:pulumi:Stack`, with the project folder as working
 * directory, on the program's own `@pulumi/pulumi` and TypeScript), and returns every
 * registered resource and the stack outputs.
 */
export async function runPlan(options: PlanOptions): Promise<PlanResult> {
    const project = loadProject(options);
    const entry = resolveEntry(project.main);
    if (/\.[cm]?tsx?$/.test(entry)) {
        const typescript = findTypeScript(project.dir);
        if (!typescript) {
            throw new ProgramError(`${entry} is TypeScript but no \`typescript\` package is installed for ${project.dir}: run \`npm install --save-dev typescript\``);
        }
        registerTypeScript(typescript);
    }
    const sdk = programSdk(project);
    const answers: MockAnswers | undefined = options.mocksFile ? readMocksFile(path.resolve(options.mocksFile)) : undefined;
    const engine = MockEngine.start({ project: project.name, stack: options.stack, config: project.config, preview: true, sdk, answers, sourceRoot: project.dir });
    const previousDir = process.cwd();
    process.chdir(project.dir);
    try {
        let exported: Record<string, unknown> = {};
        try {
            await withStdoutOnStderr(async () => {
                await sdk.runtime.runInPulumiStack(async () => {
                    exported = await runProgram(entry);
                    return exported;
                });
                await engine.settle();
            });
        } catch (err) {
            // The first failure the engine saw (a refused resource, an unanswered lookup) is the
            // cause; the runtime's own complaint (promises left active) is only its consequence.
            throw new ProgramError(firstLine(engine.errors[0] ?? err));
        }
        const outputs: Record<string, PlannedOutput> = {};
        for (const [key, value] of Object.entries(exported)) {
            if (value !== undefined) {
                outputs[key] = await resolveOutput(engine, value);
            }
        }
        return { project, stack: options.stack, resources: engine.resources, outputs };
    } finally {
        process.chdir(previousDir);
    }
}
