import * as path from "node:path";

/**
 * The `require-from-string` that Pulumi's dynamic provider host uses (the copy `@pulumi/pulumi`
 * depends on), resolved from `sdkFrom`'s `@pulumi/pulumi`.
 */
function hostRequireFromString(sdkFrom: string): (code: string) => { handler(): unknown } {
    const sdk = require.resolve("@pulumi/pulumi", { paths: [sdkFrom] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(require.resolve("require-from-string", { paths: [path.dirname(sdk)] }));
}

/**
 * Loads a dynamic resource's `__provider` text as the host does: compiled from a string in the
 * program's folder (its working directory), then `handler()` called.
 */
export function hostLoad(text: string, program: string, sdkFrom = __dirname): unknown {
    const requireFromString = hostRequireFromString(sdkFrom);
    const previous = process.cwd();
    process.chdir(program);
    try {
        return requireFromString(text).handler();
    } finally {
        process.chdir(previous);
    }
}
