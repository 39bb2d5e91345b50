import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/** The type token of every Node.js dynamic resource: what `pulumi.dynamic.Resource` registers. */
export const DYNAMIC_RESOURCE_TYPE = "pulumi-nodejs:dynamic:Resource";

/** The input that carries the provider's code to the dynamic provider host. */
export const PROVIDER_KEY = "__provider";

const PACKAGE_NAME = "pulumi-aws-euc";

/** Per provider module and program folder: its loadable specifier, looked up once. */
const specifiers = new Map<string, string | undefined>();

/** Where the provider of a dynamic resource is exported: a module of this package and the export's name. */
export interface ProviderExport {
    /** The provider object (used when the module cannot be named from the program). */
    provider: pulumi.dynamic.ResourceProvider;
    /** The module that exports it: its `__filename`. */
    file: string;
    /** The name it is exported under. */
    exportName: string;
}

/**
 * The `__provider` text of a dynamic resource, as `pulumi.dynamic.Resource` would send it, but
 * without serializing the provider's closure when the program can load the provider itself.
 *
 * The dynamic provider host runs that text (`require-from-string`, resolving from the program's
 * folder) and calls its `handler()`. When this package is installed (or built and self-referenced)
 * so that `pulumi-aws-euc/<file>` resolves from the program's folder to the very module that
 * exports the provider, the text is a `require` of that module: what Pulumi's closure serializer
 * itself writes for code under `node_modules`, minus the serializer's cost (inspector calls and a
 * TypeScript parse of every captured function, about half a second per provider). Otherwise (the
 * package's own sources run through a TypeScript loader) the provider is serialized as
 * `pulumi.dynamic.Resource` does, once per provider object.
 */
export function providerText(from: ProviderExport, cwd = process.cwd()): pulumi.Input<string> {
    const key = `${from.file}\0${cwd}`;
    if (!specifiers.has(key)) {
        specifiers.set(key, loadableSpecifier(from.file, cwd));
    }
    const specifier = specifiers.get(key);
    if (specifier) {
        return referenceText(specifier, from.exportName);
    }
    return serialized(from.provider);
}

/**
 * The code that loads `exportName` of the module `specifier`, resolved from the host's working
 * folder (the program's) like the program resolves it: its `node_modules`, or the package itself.
 */
export function referenceText(specifier: string, exportName: string): string {
    return [
        "exports.handler = function () {",
        `    const load = require("module").createRequire(require("path").join(process.cwd(), "${PACKAGE_NAME}-provider.js"));`,
        `    return load(${JSON.stringify(specifier)})[${JSON.stringify(exportName)}];`,
        "};",
        "",
    ].join("\n");
}

/**
 * `pulumi-aws-euc/<path of file in the package>` when the program's folder resolves it to `file`
 * itself (so the host loads the same code), otherwise `undefined`.
 */
export function loadableSpecifier(file: string, cwd: string): string | undefined {
    const root = packageRoot(file);
    if (!root) {
        return undefined;
    }
    const specifier = `${PACKAGE_NAME}/${path.relative(root, file).split(path.sep).join("/")}`;
    try {
        const resolved = createRequire(path.join(cwd, `${PACKAGE_NAME}-provider.js`)).resolve(specifier);
        return fs.realpathSync(resolved) === fs.realpathSync(file) ? specifier : undefined;
    } catch {
        return undefined;
    }
}

/** The folder of the nearest `package.json` above `file` that is this package's. */
function packageRoot(file: string): string | undefined {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) {
            try {
                if ((JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE_NAME) {
                    return dir;
                }
            } catch {
                // Not readable as JSON: keep looking above.
            }
        }
        if (path.dirname(dir) === dir) {
            return undefined;
        }
    }
}

const serializedProviders = new WeakMap<object, pulumi.Output<string>>();

/** The provider serialized by Pulumi's closure serializer, once per provider object, secret if it captured secrets. */
function serialized(provider: pulumi.dynamic.ResourceProvider): pulumi.Output<string> {
    let text = serializedProviders.get(provider);
    if (!text) {
        const closure = pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
        text = pulumi.output(closure).apply((sf): pulumi.Output<string> => (sf.containsSecrets ? pulumi.secret(sf.text) : pulumi.output(sf.text)));
        serializedProviders.set(provider, text);
    }
    return text;
}
