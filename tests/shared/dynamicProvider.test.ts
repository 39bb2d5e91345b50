import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { isInstalledFrom, providerText } from "../../components/shared/dynamicProvider";
import { hostLoad } from "./dynamicHost";

const SPECIFIER = "pulumi-aws-euc/providers/users";

/** A package folder named like this one, exporting a provider module under a stable subpath. */
function packageAt(root: string): string {
    fs.mkdirSync(path.join(root, "dist", "users"), { recursive: true });
    fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "pulumi-aws-euc", exports: { ".": "./dist/index.js", "./providers/users": "./dist/users/provider.js" } }));
    const file = path.join(root, "dist", "users", "provider.js");
    fs.writeFileSync(file, "exports.USERS = { loadedFrom: __filename, async create() { return { id: 'x' }; } };\n");
    return fs.realpathSync(file);
}

/** A program folder with the package installed under node_modules. */
function installedProgram(): { program: string; file: string } {
    const program = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-provider-"));
    return { program, file: packageAt(path.join(program, "node_modules", "pulumi-aws-euc")) };
}

const provider = { create: async () => ({ id: "serialized" }) };

describe("dynamic provider text", () => {
    it("names the installed package's stable subpath, and the host loads that very provider", () => {
        const { program, file } = installedProgram();
        const text = providerText({ provider, specifier: SPECIFIER, file, exportName: "USERS" }, program);
        assert.equal(typeof text, "string");
        assert.match(text as string, /load\("pulumi-aws-euc\/providers\/users"\)\["USERS"\]/);
        const loaded = hostLoad(text as string, program) as { loadedFrom: string };
        assert.equal(fs.realpathSync(loaded.loadedFrom), file);
    });

    it("serializes the provider when the program would not load it from an installed package", async () => {
        const { program, file } = installedProgram();
        // A built checkout: the package resolves itself from a folder inside it, not through node_modules.
        const checkout = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-checkout-"));
        const own = packageAt(checkout);
        fs.mkdirSync(path.join(checkout, "examples"));
        assert.equal(isInstalledFrom(SPECIFIER, own, path.join(checkout, "examples")), false);
        // A linked package: node_modules holds a symlink to the checkout, whose real path has no node_modules.
        const linked = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-linked-"));
        fs.mkdirSync(path.join(linked, "node_modules"));
        fs.symlinkSync(checkout, path.join(linked, "node_modules", "pulumi-aws-euc"));
        assert.equal(isInstalledFrom(SPECIFIER, own, linked), false);
        // Another copy of the module than the one the program resolves; a folder without the package.
        const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-elsewhere-"));
        const copy = path.join(elsewhere, "provider.js");
        fs.copyFileSync(file, copy);
        assert.equal(isInstalledFrom(SPECIFIER, copy, program), false);
        assert.equal(isInstalledFrom(SPECIFIER, file, elsewhere), false);
        // This repository's sources: the specifier is not even exported by the fake package.
        assert.equal(isInstalledFrom("pulumi-aws-euc/providers/directory-user", __filename, process.cwd()), false);

        const text = providerText({ provider, specifier: SPECIFIER, file: copy, exportName: "USERS" }, program);
        assert.ok(pulumi.Output.isInstance(text));
        const serialized = await new Promise<string>((resolve) => (text as pulumi.Output<string>).apply(resolve));
        const loaded = hostLoad(serialized, program) as { create(): Promise<{ id: string }> };
        assert.deepEqual(await loaded.create(), { id: "serialized" });
    });
});
