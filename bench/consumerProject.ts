// The consumer project the bench's programs run in: the package as a consumer has it, installed
// under a project's node_modules (built by `npm run build`, which `npm run bench` runs first), not
// its TypeScript sources through a loader. It is a temporary folder:
// node_modules/pulumi-aws-euc holds a copy of package.json and dist/, every other dependency is a
// link to this repository's node_modules (so both load the same @pulumi/pulumi), and examples/
// holds copies of the examples importing "pulumi-aws-euc" as their comments say a project does,
// compiled to JavaScript here (see compileProgram).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");

/** Makes a consumer project in a fresh temporary folder and returns it. */
export function installConsumer(): string {
    const built = path.join(ROOT, "dist", "components", "index.js");
    if (!fs.existsSync(built)) {
        throw new Error(`${built} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
    }
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-bench-consumer-"));
    const modules = path.join(project, "node_modules");
    const installed = path.join(modules, "pulumi-aws-euc");
    fs.mkdirSync(installed, { recursive: true });
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(installed, "package.json"));
    fs.cpSync(path.join(ROOT, "dist"), path.join(installed, "dist"), { recursive: true });
    for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
        if (entry !== "pulumi-aws-euc" && !entry.startsWith(".")) {
            fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry));
        }
    }
    for (const example of fs.readdirSync(path.join(ROOT, "examples"))) {
        const from = path.join(ROOT, "examples", example);
        if (!fs.existsSync(path.join(from, "Pulumi.yaml"))) {
            continue;
        }
        const to = path.join(project, "examples", example);
        fs.cpSync(from, to, { recursive: true });
        for (const file of fs.readdirSync(to).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))) {
            const program = path.join(to, file);
            compileProgram(program, fs.readFileSync(program, "utf8").replace(/from "\.\.\/\.\.\/components"/g, 'from "pulumi-aws-euc"'));
        }
    }
    return project;
}


/**
 * Writes the JavaScript of a program file beside it and removes the TypeScript: compiling the
 * user's program is not what its resources cost (the floors are bench code, compiled when the
 * child loads, before its clock starts), and a loader compiling it inside the measured span made
 * up a third of the CloudFront example's time. As a project that runs `tsc` before `pulumi up`.
 * The examples are one file each (a folder of them would need a recursive walk).
 */
function compileProgram(file: string, source: string): void {
    const { outputText } = ts.transpileModule(source, {
        fileName: file,
        // CommonJS and ES2020, as the tsconfig.json of Pulumi's aws-typescript template.
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    });
    fs.writeFileSync(file.replace(/\.ts$/, ".js"), outputText);
    fs.rmSync(file);
}
