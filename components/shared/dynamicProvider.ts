import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/** The type token of every Node.js dynamic resource: what `pulumi.dynamic.Resource` registers. */
export const DYNAMIC_RESOURCE_TYPE = "pulumi-nodejs:dynamic:Resource";

/** The input that carries the provider's code to the dynamic provider host. */
export const PROVIDER_KEY = "__provider";

const PACKAGE_NAME = "pulumi-aws-euc";

/** A file name in the program's folder to resolve from (`createRequire` needs a file, which need not exist). */
const RESOLVE_FROM = `${PACKAGE_NAME}-provider.js`;

/** Per provider and program folder: whether it is loaded from an installed package, decided once. */
const loadable = new Map<string, boolean>();

/** Where the provider of a dynamic resource is exported: a module of this package and the export's name. */
export interface ProviderExport {
    /** The provider object (used when the module cannot be named from the program). */
    provider: pulumi.dynamic.ResourceProvider;
    /**
     * The package subpath the host loads it from (`pulumi-aws-euc/providers/directory-user`), an
     * entry of `exports` kept stable across releases: stacks keep it in their state and their
     * `refresh` and `destroy` load it, whatever the package's layout becomes.
     */
    specifier: string;
    /** The module that exports it (its `__filename`): the specifier must resolve to this very file. */
    file: string;
    /** The name it is exported under, as stable as the specifier. */
    exportName: string;
}

/**
 * The `__provider` text of a dynamic resource, as `pulumi.dynamic.Resource` would send it, but
 * without serializing the provider's closure when the program loads the provider from an
 * installed package.
 *
 * The dynamic provider host runs that text (`require-from-string`, resolving from its working
 * folder, which Pulumi makes the program's) and calls its `handler()`. When the program's folder
 * resolves the provider's specifier through `node_modules` to the very module that exports the
 * provider, the text is a `require` of that specifier: as Pulumi's closure serializer treats code
 * under `node_modules`, which it `require`s rather than captures, minus the serializer's cost
 * (inspector calls and a TypeScript parse of every captured function, about half a second per
 * provider). Otherwise (the package's TypeScript sources under a loader, a linked or self-referenced
 * checkout, another copy) the provider is serialized as `pulumi.dynamic.Resource` does, once per
 * provider object, so that the state holds its code. Either way `refresh` and `destroy` of the
 * users need what the text needs: with the reference, the package installed in the program's folder.
 */
export function providerText(from: ProviderExport, cwd = process.cwd()): pulumi.Input<string> {
    const key = `${from.specifier}\0${from.file}\0${cwd}`;
    if (!loadable.has(key)) {
        loadable.set(key, isInstalledFrom(from.specifier, from.file, cwd));
    }
    if (loadable.get(key)) {
        return referenceText(from.specifier, from.exportName);
    }
    return serialized(from.provider);
}

/**
 * The code that loads `exportName` of `specifier`, resolved from the host's working folder (the
 * program's) as the program resolves it.
 */
function referenceText(specifier: string, exportName: string): string {
    return [
        "exports.handler = function () {",
        `    const load = require("module").createRequire(require("path").join(process.cwd(), "${RESOLVE_FROM}"));`,
        `    return load(${JSON.stringify(specifier)})[${JSON.stringify(exportName)}];`,
        "};",
        "",
    ].join("\n");
}

/**
 * Whether `cwd` resolves `specifier` to `file` itself, through a `node_modules` folder: the
 * package is installed there, so the host loads the same code the program runs.
 */
export function isInstalledFrom(specifier: string, file: string, cwd: string): boolean {
    try {
        const resolved = fs.realpathSync(createRequire(path.join(cwd, RESOLVE_FROM)).resolve(specifier));
        return resolved === fs.realpathSync(file) && resolved.split(path.sep).includes("node_modules");
    } catch {
        return false;
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
