import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { workspaces } from "../../components";
import { hostLoad } from "../shared/dynamicHost";
import { DsDataServer } from "./dsDataServer";
import { plan } from "./fixtures";

/**
 * The provider as the Pulumi engine runs it: serialized by Pulumi's closure serializer (as
 * `pulumi.dynamic.Resource` does) and loaded from that text the way the dynamic provider host does.
 */
async function deserialized(provider: pulumi.dynamic.ResourceProvider): Promise<pulumi.dynamic.ResourceProvider> {
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    return hostLoad(serialized.text, process.cwd()) as pulumi.dynamic.ResourceProvider;
}

describe("workspaces user provisioning: through Pulumi's serializer", function () {
    this.timeout(120_000);
    let server: DsDataServer;
    afterEach(() => server?.stop());

    it("the shared provider's errors still carry AWS's error name and message", async () => {
        server = await new DsDataServer({ refuse: { CreateUser: { status: 400, type: "ValidationException", message: "SAMAccountName must be at most 20 characters" } } }).start();
        const provider = await deserialized(workspaces.DIRECTORY_USER_PROVIDER);
        const inputs: workspaces.DirectoryUserInputs = {
            region: "eu-west-3",
            connection: { accessKey: "AKIDEXAMPLE", secretKey: "secret", dsDataEndpoint: server.endpoint, directoryServiceEndpoint: server.endpoint },
            directoryId: "d-0123456789",
            userName: "ana.silva",
            passwordMode: "initial",
        };
        const failure = await provider.create(inputs).then(
            () => assert.fail("expected the create to fail"),
            (err: unknown) => err,
        );
        assert.ok(failure instanceof Error, "an Error, so the engine shows its message");
        assert.equal(failure.name, "ValidationException");
        assert.equal(failure.message, "ValidationException: SAMAccountName must be at most 20 characters");
        assert.match(String(failure.stack), /ValidationException: SAMAccountName must be at most 20 characters/);
        // The deserialized provider reached the server: it is the real provider, not a stub.
        assert.deepEqual(server.requests.map((r) => r.operation), ["DescribeDirectoryDataAccess", "CreateUser"]);
    });

    it("a stack deployed with the serialized provider, planned with the module reference: only __provider differs, which is no change", async () => {
        const user = { region: "eu-west-3", directoryId: "d-0123456789", userName: "ana.silva", email: "ana@example.com", passwordMode: "initial" as const };
        const olds = { ...user, passwordFingerprint: undefined, sid: "S-1-5-21-1", __provider: "exports.handler = () => serialized;" };
        const news = { ...user, __provider: 'exports.handler = function () { /* load("pulumi-aws-euc/providers/directory-user") */ };' };
        const diff = await workspaces.DIRECTORY_USER_PROVIDER.diff!("d-0123456789/ana.silva", olds as never, news as never);
        assert.deepEqual(diff, { changes: false, replaces: [], deleteBeforeReplace: true });
        // The same comparison does see a real change.
        const renamed = await workspaces.DIRECTORY_USER_PROVIDER.diff!("d-0123456789/ana.silva", olds as never, { ...news, email: "ana.silva@example.com" } as never);
        assert.equal(renamed.changes, true);
    });

    it("the serialized provider loads only packages, never the program's relative modules or the Pulumi SDK", async () => {
        // As the SDK does: the closure captures the provider object itself.
        const provider = workspaces.DIRECTORY_USER_PROVIDER;
        const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
        const required = [...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];
        assert.deepEqual(required.filter((r) => r.startsWith(".") || r.startsWith("@pulumi/")), []);
    });

    it("one provider object for every user: Pulumi serializes it at most once, whatever the number of users", async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const closure = require("@pulumi/pulumi/runtime/closure/serializeClosure");
        const original = closure.serializeFunction;
        let serializations = 0;
        closure.serializeFunction = (...args: unknown[]) => (serializations++, original(...args));
        try {
            const users = Array.from({ length: 40 }, (_, i) => ({ userName: `user.${i}` }));
            const { engine } = await plan(() => new workspaces.DirectoryUsers("people", { directoryId: "d-0123456789", directoryType: "MicrosoftAD", users, passwords: "none" }));
            assert.equal(engine.ofType("pulumi-nodejs:dynamic:Resource").length, 40);
            assert.ok(serializations <= 1, `serialized ${serializations} times`);
        } finally {
            closure.serializeFunction = original;
        }
    });
});
