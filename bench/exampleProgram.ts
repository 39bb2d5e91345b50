import { loadProject } from "../plan/project";
import { resolveEntry, runProgram } from "../plan/run";

/** The name and config (Pulumi.yaml's template defaults and config, fully qualified) of an example project. */
export function exampleProject(dir: string): { name: string; config: Record<string, string> } {
    const project = loadProject({ programDir: dir, stack: "dev", config: {} });
    return { name: project.name, config: project.config };
}

/** Runs the example's program from its own folder, as the Pulumi Node.js host would (an exported function is called). */
export async function runExample(dir: string): Promise<void> {
    const previous = process.cwd();
    process.chdir(dir);
    try {
        await runProgram(resolveEntry(dir));
    } finally {
        process.chdir(previous);
    }
}
