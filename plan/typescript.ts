import * as fs from "node:fs";
import * as path from "node:path";

type TypeScript = typeof import("typescript");

/** Where `typescript` and the `tsconfig.json` of a program are, once resolved. */
export interface TypeScriptSetup {
    /** The `typescript` module of the program's own project. */
    compilerPath: string;
    /** The program's `tsconfig.json`, when it has one. */
    configFile?: string;
}

/** Resolves the program's own TypeScript compiler and tsconfig, as Pulumi's Node.js host does. */
export function findTypeScript(programDir: string): TypeScriptSetup | undefined {
    let compilerPath: string;
    try {
        compilerPath = require.resolve("typescript", { paths: [programDir] });
    } catch {
        return undefined;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program's own compiler, found at run time
    const ts = require(compilerPath) as TypeScript;
    const configFile = ts.findConfigFile(programDir, (file) => fs.existsSync(file));
    return { compilerPath, configFile };
}

function compilerOptions(ts: TypeScript, setup: TypeScriptSetup): import("typescript").CompilerOptions {
    let options: import("typescript").CompilerOptions = {};
    if (setup.configFile) {
        const read = ts.readConfigFile(setup.configFile, (file) => ts.sys.readFile(file));
        if (read.error) {
            throw new Error(`${setup.configFile}: ${ts.flattenDiagnosticMessageText(read.error.messageText, "\n")}`);
        }
        options = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(setup.configFile)).options;
    }
    // The program runs under CommonJS here, as under Pulumi's Node.js host with its default options.
    return {
        ...options,
        module: ts.ModuleKind.CommonJS,
        sourceMap: true,
        inlineSourceMap: false,
        inlineSources: false,
        declaration: false,
        declarationMap: false,
        noEmit: false,
        emitDeclarationOnly: false,
        isolatedModules: true,
    };
}

/**
 * Teaches `require` to load `.ts` files with the program's own `typescript` and `tsconfig.json`
 * (transpiled, not type-checked: the plan is about what the program registers). A program with
 * no TypeScript needs none of it.
 */
export function registerTypeScript(setup: TypeScriptSetup): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program's own compiler, found at run time
    const ts = require(setup.compilerPath) as TypeScript;
    const options = compilerOptions(ts, setup);
    const load = (module: NodeJS.Module, filename: string) => {
        const source = fs.readFileSync(filename, "utf8");
        const output = ts.transpileModule(source, { compilerOptions: options, fileName: filename, reportDiagnostics: false });
        // The map names the source by its absolute path, so that stack traces point at the program's lines.
        const map = { ...JSON.parse(output.sourceMapText ?? "{}"), sources: [filename], sourceRoot: "" };
        const code = output.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, "");
        const inline = `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}`;
        (module as unknown as { _compile(code: string, file: string): void })._compile(code + inline, filename);
    };
    for (const extension of [".ts", ".cts", ".tsx"]) {
        require.extensions[extension] = load;
    }
}

/** The path of this module, for `node --require` in a child process (the policy pack). */
export const REGISTER_HOOK = path.join(__dirname, "registerTypeScript");
