// The SDK modules a program uses, loaded before its clock starts. `@pulumi/aws` (like awsx and
// random) loads each service module lazily, on first use: a program's first `aws.appstream.Fleet`
// pays for reading and compiling `appstream/index.js` and `appstream/fleet.js`. That is loading
// a library, the same fixed cost for any program that uses the type, so every program of the bench
// (component or floor) starts with the modules of the recorded types and lookups loaded.

const PACKAGES: Record<string, string> = { aws: "@pulumi/aws", awsx: "@pulumi/awsx", random: "@pulumi/random" };

/**
 * Loads the module behind each type or function token (`aws:appstream/fleet:Fleet`,
 * `aws:iam/getRole:getRole`, `awsx:ec2:Vpc`, `aws:index/getRegion:getRegion`); other tokens
 * (dynamic resources, components of this package) are left alone.
 */
export function preloadSdk(tokens: Iterable<string>): void {
    for (const token of new Set(tokens)) {
        const [pkg, middle, name] = token.split(":");
        const packageName = PACKAGES[pkg];
        if (!packageName || !middle || !name) {
            continue;
        }
        const module = middle.split("/")[0];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const sdk = require(packageName) as Record<string, Record<string, unknown>>;
        void (module === "index" ? sdk[name] : sdk[module]?.[name]);
    }
}
