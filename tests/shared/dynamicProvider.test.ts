import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { loadableSpecifier, providerText } from "../../components/shared/dynamicProvider";
import { hostLoad } from "./dynamicHost";

/** A program folder with this package installed under node_modules, exporting a provider from dist/. */
function installedProgram(): { program: string; file: string } {
    const program = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-provider-"));
    const root = path.join(program, "node_modules", "pulumi-aws-euc");
    fs.mkdirSync(path.join(root, "dist", "users"), { recursive: true });
    fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "pulumi-aws-euc", exports: { ".": "./dist/index.js", "./dist/*": "./dist/*" } }));
    const file = path.join(root, "dist", "users", "provider.js");
    fs.writeFileSync(file, "exports.USERS = { loadedFrom: __filename, async create() { return { id: 'x' }; } };\n");
    return { program, file: fs.realpathSync(file) };
}

describe("dynamic provider text", () => {
    it("names the installed module when the program resolves it, and the host loads that very provider", () => {
        const { program, file } = installedProgram();
        const provider = { create: async () => ({ id: "unused" }) };
        const text = providerText({ provider, file, exportName: "USERS" }, program);
        assert.equal(typeof text, "string");
        assert.match(text as string, /"pulumi-aws-euc\/dist\/users\/provider\.js"/);
        const loaded = hostLoad(text as string, program) as { loadedFrom: string };
        assert.equal(fs.realpathSync(loaded.loadedFrom), file);
    });

    it("resolves the package itself from a folder inside it (a built checkout)", () => {
        const { program, file } = installedProgram();
        const root = path.join(program, "node_modules", "pulumi-aws-euc");
        assert.equal(loadableSpecifier(file, path.join(root, "examples")), "pulumi-aws-euc/dist/users/provider.js");
    });

    it("serializes the provider when the program would load other code (sources, another copy, no package)", async () => {
        const { program, file } = installedProgram();
        const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-elsewhere-"));
        const copy = path.join(elsewhere, "provider.js");
        fs.copyFileSync(file, copy);
        // Another copy of the module than the one the program resolves, and a folder without the package.
        assert.equal(loadableSpecifier(copy, program), undefined);
        assert.equal(loadableSpecifier(file, elsewhere), undefined);
        // This test's own sources: not a module the program could name.
        assert.equal(loadableSpecifier(__filename, process.cwd()), undefined);
        const provider = { create: async () => ({ id: "serialized" }) };
        const text = providerText({ provider, file: copy, exportName: "USERS" }, program);
        assert.ok(pulumi.Output.isInstance(text));
        const serialized = await new Promise<string>((resolve) => (text as pulumi.Output<string>).apply(resolve));
        const loaded = hostLoad(serialized, program) as { create(): Promise<{ id: string }> };
        assert.deepEqual(await loaded.create(), { id: "serialized" });
    });
});
