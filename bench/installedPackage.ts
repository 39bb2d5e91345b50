// Imported first by the bench's child: the program runs against the installed copy of the package
// in the consumer project (see consumerProject.ts). The bench's composites import `../components`:
// that one module is pointed at the installed copy.
import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import { installConsumer } from "./consumerProject";

const SOURCE_ENTRY = path.resolve(__dirname, "..", "components", "index.ts");

/** The consumer project of this run: the bench's (`BENCH_CONSUMER`), or a new one for a child run by hand. */
export const CONSUMER = process.env.BENCH_CONSUMER ?? ownConsumer();

/** A consumer project for this process alone, removed when it exits. */
function ownConsumer(): string {
    const project = installConsumer();
    process.on("exit", () => fs.rmSync(project, { recursive: true, force: true }));
    return project;
}

/** The consumer's copy of an example of this repository. */
export function consumerExample(exampleDir: string): string {
    return path.join(CONSUMER, "examples", path.basename(exampleDir));
}

const INSTALLED_ENTRY = path.join(CONSUMER, "node_modules", "pulumi-aws-euc", "dist", "components", "index.js");

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const resolved = resolve.call(this, request, parent, ...rest);
    return resolved === SOURCE_ENTRY ? INSTALLED_ENTRY : resolved;
};
