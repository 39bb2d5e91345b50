import * as assert from "node:assert/strict";
import { DirectoryServiceClient, ResetUserPasswordCommand } from "@aws-sdk/client-directory-service";
import type { HttpRequest } from "@smithy/protocol-http";
import { mockClient } from "aws-sdk-client-mock";
import { workspaces } from "../../components";
import { fingerprint } from "../../components/workspaces/provisioning/directoryUserProvider";
import { isSecret } from "../engine";
import { plan } from "./fixtures";

type Call = workspaces.DsDataCall;

/** A fake API: records calls, answers from a script, and a fake password setter. */
function fakeAws(answers: Partial<Record<workspaces.UserOperation, Record<string, unknown> | Error>> = {}) {
    const calls: Call[] = [];
    const resets: [string, string, string][] = [];
    const transport: workspaces.DsDataTransport = {
        send: async (call) => {
            calls.push(call);
            const answer = answers[call.operation];
            if (answer instanceof Error) {
                throw answer;
            }
            return answer ?? {};
        },
    };
    const passwords: workspaces.PasswordSetter = { reset: async (d, u, p) => void resets.push([d, u, p]) };
    const regions: string[] = [];
    const provider = new workspaces.DirectoryUserProvider((region) => {
        regions.push(region);
        return { transport, passwords };
    });
    return { calls, resets, regions, provider };
}

const INPUTS: workspaces.DirectoryUserInputs = {
    region: "eu-west-3",
    directoryId: "d-0123456789",
    userName: "ana.silva",
    email: "ana.silva@example.com",
    givenName: "Ana",
    surname: "Silva",
    password: "Initial-Passw0rd!",
    passwordMode: "initial",
    allowDelete: false,
};

describe("workspaces user provisioning: the dynamic provider", () => {
    it("create: CreateUser with the user's details, then ResetUserPassword; no password in the state", async () => {
        const aws = fakeAws({ CreateUser: { SID: "S-1-5-21-1", SAMAccountName: "ana.silva" } });
        const result = await aws.provider.create(INPUTS);
        assert.deepEqual(aws.regions, ["eu-west-3"]);
        assert.deepEqual(aws.calls, [
            {
                operation: "CreateUser",
                directoryId: "d-0123456789",
                body: { SAMAccountName: "ana.silva", EmailAddress: "ana.silva@example.com", GivenName: "Ana", Surname: "Silva", ClientToken: "create-d-0123456789-ana.silva" },
            },
        ]);
        assert.deepEqual(aws.resets, [["d-0123456789", "ana.silva", "Initial-Passw0rd!"]]);
        assert.equal(result.id, "d-0123456789/ana.silva");
        assert.equal(result.outs.password, undefined);
        assert.equal(result.outs.passwordFingerprint, fingerprint("Initial-Passw0rd!"));
        assert.equal(result.outs.sid, "S-1-5-21-1");
        assert.doesNotMatch(JSON.stringify(result.outs), /Initial-Passw0rd/);
    });

    it("read: DescribeUser refreshes name and e-mail; a user gone from the directory reads as gone", async () => {
        const outs = (await fakeAws().provider.create(INPUTS)).outs;
        const aws = fakeAws({ DescribeUser: { SAMAccountName: "ana.silva", EmailAddress: "ana@example.org", GivenName: "Ana", Surname: "Souza", SID: "S-1" } });
        const read = await aws.provider.read!("d-0123456789/ana.silva", outs);
        assert.deepEqual(aws.calls, [{ operation: "DescribeUser", directoryId: "d-0123456789", body: { SAMAccountName: "ana.silva" } }]);
        assert.deepEqual([read.id, read.props.email, read.props.surname, read.props.sid], ["d-0123456789/ana.silva", "ana@example.org", "Souza", "S-1"]);
        const gone = fakeAws({ DescribeUser: new workspaces.DsDataError("ResourceNotFoundException", "no such user", 404) });
        assert.deepEqual(await gone.provider.read!("d-0123456789/ana.silva", outs), {});
    });

    it("diff: a new user name or directory replaces; name, e-mail and password changes update; an initial password is not reapplied", async () => {
        const outs = (await fakeAws().provider.create(INPUTS)).outs;
        const provider = fakeAws().provider;
        assert.deepEqual(await provider.diff!("id", outs, INPUTS), { changes: false, replaces: [], deleteBeforeReplace: true });
        assert.deepEqual(await provider.diff!("id", outs, { ...INPUTS, userName: "ana.s" }), { changes: true, replaces: ["userName"], deleteBeforeReplace: true });
        assert.deepEqual(await provider.diff!("id", outs, { ...INPUTS, surname: "Souza" }), { changes: true, replaces: [], deleteBeforeReplace: true });
        assert.deepEqual(await provider.diff!("id", outs, { ...INPUTS, password: "Other-Passw0rd!" }), { changes: false, replaces: [], deleteBeforeReplace: true });
        const managed = { ...INPUTS, passwordMode: "managed" as const };
        const managedOuts = (await fakeAws().provider.create(managed)).outs;
        assert.deepEqual(await provider.diff!("id", managedOuts, { ...managed, password: "Other-Passw0rd!" }), { changes: true, replaces: [], deleteBeforeReplace: true });
    });

    it("update: UpdateUser (REPLACE) for details; a managed password is reset, an initial one never", async () => {
        const managed = { ...INPUTS, passwordMode: "managed" as const };
        const outs = (await fakeAws().provider.create(managed)).outs;
        const aws = fakeAws();
        const updated = await aws.provider.update!("id", outs, { ...managed, surname: "Souza", password: "Rotated-Passw0rd!" });
        assert.equal(aws.calls.length, 1);
        assert.equal(aws.calls[0].operation, "UpdateUser");
        const { ClientToken, ...body } = aws.calls[0].body;
        assert.deepEqual(body, { SAMAccountName: "ana.silva", EmailAddress: "ana.silva@example.com", GivenName: "Ana", Surname: "Souza", UpdateType: "REPLACE" });
        assert.match(String(ClientToken), /^update-d-0123456789-ana\.silva-\d+$/);
        assert.deepEqual(aws.resets, [["d-0123456789", "ana.silva", "Rotated-Passw0rd!"]]);
        assert.equal(updated.outs.passwordFingerprint, fingerprint("Rotated-Passw0rd!"));

        const initialOuts = (await fakeAws().provider.create(INPUTS)).outs;
        const later = fakeAws();
        const kept = await later.provider.update!("id", initialOuts, { ...INPUTS, password: "Other-Passw0rd!" });
        assert.deepEqual([later.calls, later.resets, kept.outs.passwordFingerprint], [[], [], initialOuts.passwordFingerprint]);
    });

    it("delete: refused unless allowDelete, then DeleteUser", async () => {
        const outs = (await fakeAws().provider.create(INPUTS)).outs;
        const refused = fakeAws();
        await assert.rejects(refused.provider.delete!("id", outs), /^Error: refusing to delete directory user 'ana\.silva' from d-0123456789: deleting a user loses their identity/);
        assert.deepEqual(refused.calls, []);
        const allowed = fakeAws();
        await allowed.provider.delete!("id", { ...outs, allowDelete: true });
        assert.deepEqual(allowed.calls, [{ operation: "DeleteUser", directoryId: "d-0123456789", body: { SAMAccountName: "ana.silva", ClientToken: "delete-d-0123456789-ana.silva" } }]);
    });
});

describe("workspaces user provisioning: the signed HTTPS transport", () => {
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

    it("POSTs /Users/<Operation>?DirectoryId=… with a JSON body, SigV4-signed for ds-data in the region", async () => {
        const sent: HttpRequest[] = [];
        const transport = new workspaces.SignedHttpTransport("eu-west-3", {
            credentials,
            send: async (request) => {
                sent.push(request);
                return { status: 200, headers: {}, body: JSON.stringify({ SID: "S-1", SAMAccountName: "ana.silva" }) };
            },
        });
        const answer = await transport.send({ operation: "CreateUser", directoryId: "d-0123456789", body: { SAMAccountName: "ana.silva", EmailAddress: "ana@example.com" } });
        assert.deepEqual(answer, { SID: "S-1", SAMAccountName: "ana.silva" });
        const [request] = sent;
        assert.deepEqual([request.method, request.hostname, request.path, request.query], ["POST", "ds-data.eu-west-3.amazonaws.com", "/Users/CreateUser", { DirectoryId: "d-0123456789" }]);
        assert.deepEqual(JSON.parse(request.body), { SAMAccountName: "ana.silva", EmailAddress: "ana@example.com" });
        assert.match(request.headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/ds-data\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
        assert.match(request.headers["x-amz-date"], /^\d{8}T\d{6}Z$/);
        assert.match(request.headers["x-amz-content-sha256"] ?? "", /^([0-9a-f]{64})?$/);
    });

    it("turns an error answer into a DsDataError with its type", async () => {
        const transport = new workspaces.SignedHttpTransport("eu-west-3", {
            credentials,
            send: async () => ({ status: 404, headers: { "x-amzn-errortype": "ResourceNotFoundException:http://internal" }, body: JSON.stringify({ Message: "User not found" }) }),
        });
        await assert.rejects(transport.send({ operation: "DescribeUser", directoryId: "d-0123456789", body: { SAMAccountName: "x" } }), (err: unknown) => {
            assert.ok(err instanceof workspaces.DsDataError);
            assert.deepEqual([err.type, err.status, err.message], ["ResourceNotFoundException", 404, "ResourceNotFoundException: User not found"]);
            return true;
        });
    });
});

describe("workspaces user provisioning: passwords through the Directory Service SDK", () => {
    it("calls ResetUserPassword with the directory, user and password", async () => {
        const ds = mockClient(DirectoryServiceClient);
        ds.on(ResetUserPasswordCommand).resolves({});
        await new workspaces.DirectoryServicePasswords(new DirectoryServiceClient({ region: "eu-west-3" })).reset("d-0123456789", "ana.silva", "Initial-Passw0rd!");
        assert.deepEqual(ds.commandCalls(ResetUserPasswordCommand).map((c) => c.args[0].input), [{ DirectoryId: "d-0123456789", UserName: "ana.silva", NewPassword: "Initial-Passw0rd!" }]);
        ds.restore();
    });

    it("surfaces the service's refusal", async () => {
        const ds = mockClient(DirectoryServiceClient);
        ds.on(ResetUserPasswordCommand).rejects(new Error("InvalidPasswordException: the password does not meet the policy"));
        await assert.rejects(new workspaces.DirectoryServicePasswords(new DirectoryServiceClient({ region: "eu-west-3" })).reset("d-0000000001", "u", "weak"), /InvalidPasswordException/);
        ds.restore();
    });
});

describe("workspaces.DirectoryUsers", () => {
    it("registers one directory user per user with a generated secret first password", async () => {
        const { engine, built } = await plan(
            () =>
                new workspaces.DirectoryUsers("people", {
                    directoryId: "d-0123456789",
                    directoryType: "MicrosoftAD",
                    users: [{ userName: "ana.silva", email: "ana.silva@example.com", givenName: "Ana", surname: "Silva" }],
                }),
        );
        const user = engine.get("people-ana.silva", "pulumi-nodejs:dynamic:Resource");
        const password = engine.get("people-ana.silva-password", "random:index/randomPassword:RandomPassword");
        assert.deepEqual(
            [user.inputs.region, user.inputs.directoryId, user.inputs.userName, user.inputs.email, user.inputs.passwordMode, user.inputs.allowDelete, user.inputs.password],
            ["eu-west-3", "d-0123456789", "ana.silva", "ana.silva@example.com", "initial", false, password.state.result],
        );
        assert.ok(user.secretInputs.includes("password"));
        assert.match(user.inputs.__provider, /ds-data|DirectoryUserProvider|CreateUser/);
        assert.equal(await isSecret(built.passwords), true);
    });

    it("creates no password in mode none, and a managed one in mode generated", async () => {
        const none = await plan(() => new workspaces.DirectoryUsers("p", { directoryId: "d-0000000001", directoryType: "MicrosoftAD", users: [{ userName: "a" }], passwords: "none" }));
        assert.deepEqual(none.engine.ofType("random:index/randomPassword:RandomPassword"), []);
        assert.equal(none.engine.get("p-a").inputs.password, undefined);
        const generated = await plan(() => new workspaces.DirectoryUsers("p", { directoryId: "d-0000000001", directoryType: "MicrosoftAD", users: [{ userName: "a" }], passwords: "generated" }));
        assert.equal(generated.engine.get("p-a").inputs.passwordMode, "managed");
    });
});
