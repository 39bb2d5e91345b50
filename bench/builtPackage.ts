// Imported first by the bench's child: the programs use the package as a consumer has it, built
// (`npm run build`, which `npm run bench` runs first) and loaded from `dist/`, not its TypeScript
// sources through a loader. The examples and the bench's composites import `../components`;
// that one module is pointed at `dist/components`, whatever imports it.
import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const SOURCE_ENTRY = path.join(ROOT, "components", "index.ts");
export const BUILT_ENTRY = path.join(ROOT, "dist", "components", "index.js");

if (!fs.existsSync(BUILT_ENTRY)) {
    throw new Error(`${BUILT_ENTRY} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
}

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const resolved = resolve.call(this, request, parent, ...rest);
    return resolved === SOURCE_ENTRY ? BUILT_ENTRY : resolved;
};
