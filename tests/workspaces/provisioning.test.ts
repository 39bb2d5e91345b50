import * as assert from "node:assert/strict";
import { DirectoryServiceClient, ResetUserPasswordCommand } from "@aws-sdk/client-directory-service";
import { mockClient } from "aws-sdk-client-mock";
import { workspaces } from "../../components";
import * as aws from "@pulumi/aws";
import { isSecret, planOn, rejectionOf } from "../engine";
import { credentialsOf } from "../../components/workspaces/provisioning/credentials";
import { plan } from "./fixtures";

type Call = workspaces.DsDataCall;
type Answer = Record<string, unknown> | Error;

/** A fake AWS: scripted answers per operation (a list is consumed in order), recorded calls. */
function fakeAws(answers: Partial<Record<workspaces.UserOperation, Answer | Answer[]>> = {}, dataAccess: string[] = ["Enabled"]) {
    const calls: Call[] = [];
    const resets: [string, string, string][] = [];
    const connections: workspaces.AwsConnection[] = [];
    const statuses = [...dataAccess];
    const transport: workspaces.DsDataTransport = {
        send: async (call) => {
            calls.push(call);
            const scripted = answers[call.operation];
            const answer = Array.isArray(scripted) ? scripted.shift() : scripted;
            if (answer instanceof Error) {
                throw answer;
            }
            return answer ?? {};
        },
    };
    const directoryService: workspaces.DirectoryServiceApi = {
        reset: async (d, u, p) => void resets.push([d, u, p]),
        dataAccessStatus: async () => (statuses.length > 1 ? statuses.shift()! : statuses[0]),
    };
    const provider = new workspaces.DirectoryUserProvider({
        connect: (connection) => {
            connections.push(connection);
            return { transport, directoryService };
        },
        pacing: { readsPerSecond: 1000, writesPerSecond: 1000, baseDelayMs: 1 },
        waits: { dataAccessIntervalMs: 1, dataAccessTimeoutMs: 1000, replicationIntervalMs: 1, replicationTimeoutMs: 1000 },
    });
    return { calls, resets, connections, provider, body: (i: number) => withoutToken(calls[i].body) };
}

function withoutToken(body: Record<string, unknown>): Record<string, unknown> {
    const { ClientToken, ...rest } = body;
    assert.match(String(ClientToken), /^[0-9a-f-]{36}$/, "a fresh UUID client token per operation");
    return rest;
}

const INPUTS: workspaces.DirectoryUserInputs = {
    region: "eu-west-3",
    connection: { profile: "desktops" },
    directoryId: "d-0123456789",
    userName: "ana.silva",
    email: "ana.silva@example.com",
    givenName: "Ana",
    surname: "Silva",
    password: "Initial-Passw0rd!",
    passwordMode: "initial",
};

describe("workspaces user provisioning: the dynamic provider", () => {
    it("create: waits for data access, CreateUser with the details, then ResetUserPassword; no password in the state", async () => {
        const aws = fakeAws({ CreateUser: { SID: "S-1-5-21-1", SAMAccountName: "ana.silva" } }, ["Enabling", "Enabling", "Enabled"]);
        const result = await aws.provider.create(INPUTS);
        assert.deepEqual(aws.connections, [{ profile: "desktops", region: "eu-west-3" }]);
        assert.deepEqual(aws.calls.map((c) => [c.operation, c.directoryId]), [["CreateUser", "d-0123456789"]]);
        assert.deepEqual(aws.body(0), { SAMAccountName: "ana.silva", EmailAddress: "ana.silva@example.com", GivenName: "Ana", Surname: "Silva" });
        assert.deepEqual(aws.resets, [["d-0123456789", "ana.silva", "Initial-Passw0rd!"]]);
        assert.equal(result.id, "d-0123456789/ana.silva");
        assert.equal(result.outs.password, undefined);
        assert.equal(result.outs.passwordFingerprint, workspaces.fingerprint("Initial-Passw0rd!"));
        assert.equal(result.outs.sid, "S-1-5-21-1");
        assert.doesNotMatch(JSON.stringify(result.outs), /Initial-Passw0rd/);
    });

    it("create: refuses with a clear error while directory data access is off", async () => {
        const aws = fakeAws({}, ["Disabled"]);
        await assert.rejects(aws.provider.create(INPUTS), {
            name: "DataAccessNotEnabled",
            message: /^DataAccessNotEnabled: directory data access of d-0123456789 is Disabled; .*enableDirectoryDataAccess: true/,
        });
        assert.deepEqual(aws.calls, []);
    });

    it("create: a ConflictException adopts the existing user and brings its details in line", async () => {
        const conflict = workspaces.awsError("ConflictException", "User ana.silva already exists.", { status: 409 });
        const aws = fakeAws({ CreateUser: conflict, DescribeUser: { SAMAccountName: "ana.silva", SID: "S-9", EmailAddress: "old@example.com", GivenName: "Ana" } });
        const result = await aws.provider.create(INPUTS);
        assert.deepEqual(aws.calls.map((c) => c.operation), ["CreateUser", "DescribeUser", "UpdateUser", "UpdateUser"]);
        assert.deepEqual(aws.body(2), { SAMAccountName: "ana.silva", Surname: "Silva", UpdateType: "ADD" });
        assert.deepEqual(aws.body(3), { SAMAccountName: "ana.silva", EmailAddress: "ana.silva@example.com", UpdateType: "REPLACE" });
        assert.equal(result.outs.sid, "S-9");
        assert.equal(aws.resets.length, 1);
    });

    it("create: a conflict with no such user is AWS's error, as AWS wrote it", async () => {
        const conflict = workspaces.awsError("ConflictException", "Client token reused with other parameters.", { status: 409 });
        const missing = workspaces.awsError("ResourceNotFoundException", "no user", { status: 404 });
        const aws = fakeAws({ CreateUser: conflict, DescribeUser: missing });
        await assert.rejects(aws.provider.create(INPUTS), { name: "ConflictException", message: "ConflictException: Client token reused with other parameters." });
    });

    it("create: first-logon password change sets pwdLastSet to 0 after the password", async () => {
        const aws = fakeAws();
        await aws.provider.create({ ...INPUTS, changePasswordAtFirstLogon: true });
        assert.deepEqual(aws.calls.map((c) => c.operation), ["CreateUser", "UpdateUser"]);
        assert.deepEqual(aws.body(1), { SAMAccountName: "ana.silva", OtherAttributes: { pwdLastSet: { N: 0 } }, UpdateType: "REPLACE" });
    });

    it("read: DescribeUser is the truth (a cleared attribute reads as cleared); a user or directory gone reads as gone", async () => {
        const outs = (await fakeAws().provider.create(INPUTS)).outs;
        const aws = fakeAws({ DescribeUser: { SAMAccountName: "ana.silva", EmailAddress: "ana@example.org", GivenName: "Ana", SID: "S-1" } });
        const read = await aws.provider.read!("d-0123456789/ana.silva", outs);
        assert.deepEqual(aws.calls, [{ operation: "DescribeUser", directoryId: "d-0123456789", body: { SAMAccountName: "ana.silva" } }]);
        assert.deepEqual([read.id, read.props.email, read.props.surname, read.props.sid], ["d-0123456789/ana.silva", "ana@example.org", undefined, "S-1"]);
        const gone = fakeAws({ DescribeUser: workspaces.awsError("ResourceNotFoundException", "no such user", { status: 404 }) });
        assert.deepEqual(await gone.provider.read!("d-0123456789/ana.silva", outs), {});
        const noDirectory = fakeAws({ DescribeUser: workspaces.awsError("AccessDeniedException", "no access", { status: 403 }) });
        const directoryGone = workspaces.awsError("EntityDoesNotExistException", "Directory d-0123456789 does not exist.");
        const provider = new workspaces.DirectoryUserProvider({
            connect: () => ({ transport: { send: async () => Promise.reject(workspaces.awsError("AccessDeniedException", "no access", { status: 403 })) }, directoryService: { reset: async () => {}, dataAccessStatus: async () => Promise.reject(directoryGone) } }),
        });
        assert.deepEqual(await provider.read!("d-0123456789/ana.silva", outs), {});
        await assert.rejects(noDirectory.provider.read!("d-0123456789/ana.silva", outs), { name: "AccessDeniedException" });
    });

    it("diff: user name or directory replaces (delete first); details and a managed password update; an initial password is not reapplied", async () => {
        const outs = (await fakeAws().provider.create(INPUTS)).outs;
        const provider = fakeAws().provider;
        assert.deepEqual(await provider.diff!("id", outs, INPUTS), { changes: false, replaces: [], deleteBeforeReplace: true });
        assert.deepEqual(await provider.diff!("id", outs, { ...INPUTS, userName: "ana.s" }), { changes: true, replaces: ["userName"], deleteBeforeReplace: true });
        assert.deepEqual(await provider.diff!("id", outs, { ...INPUTS, surname: undefined }), { changes: true, replaces: [], deleteBeforeReplace: true });
        assert.deepEqual(await provider.diff!("id", outs, { ...INPUTS, password: "Other-Passw0rd!" }), { changes: false, replaces: [], deleteBeforeReplace: true });
        const managed = { ...INPUTS, passwordMode: "managed" as const };
        const managedOuts = (await fakeAws().provider.create(managed)).outs;
        assert.deepEqual(await provider.diff!("id", managedOuts, { ...managed, password: "Other-Passw0rd!" }), { changes: true, replaces: [], deleteBeforeReplace: true });
    });

    it("update: ADD a new attribute, REPLACE a changed one, REMOVE a cleared one; a managed password is reset, an initial one never", async () => {
        const managed = { ...INPUTS, givenName: undefined, passwordMode: "managed" as const };
        const outs = (await fakeAws().provider.create(managed)).outs;
        const aws = fakeAws();
        const updated = await aws.provider.update!("id", outs, { ...managed, givenName: "Ana", surname: "Souza", email: undefined, password: "Rotated-Passw0rd!" });
        assert.deepEqual([aws.body(0), aws.body(1), aws.body(2)], [
            { SAMAccountName: "ana.silva", GivenName: "Ana", UpdateType: "ADD" },
            { SAMAccountName: "ana.silva", Surname: "Souza", UpdateType: "REPLACE" },
            { SAMAccountName: "ana.silva", EmailAddress: "ana.silva@example.com", UpdateType: "REMOVE" },
        ]);
        assert.deepEqual(aws.resets, [["d-0123456789", "ana.silva", "Rotated-Passw0rd!"]]);
        assert.equal(updated.outs.passwordFingerprint, workspaces.fingerprint("Rotated-Passw0rd!"));

        const initialOuts = (await fakeAws().provider.create(INPUTS)).outs;
        const later = fakeAws();
        const kept = await later.provider.update!("id", initialOuts, { ...INPUTS, password: "Other-Passw0rd!" });
        assert.deepEqual([later.calls, later.resets, kept.outs.passwordFingerprint], [[], [], initialOuts.passwordFingerprint]);
    });

    it("delete: DeleteUser with a fresh token each time (a delete then create within 8 hours is not a replay); a user already gone is fine", async () => {
        const outs = (await fakeAws().provider.create(INPUTS)).outs;
        const aws = fakeAws();
        await aws.provider.delete!("id", outs);
        await aws.provider.delete!("id", outs);
        assert.deepEqual([aws.body(0), aws.body(1)], [{ SAMAccountName: "ana.silva" }, { SAMAccountName: "ana.silva" }]);
        assert.notEqual(aws.calls[0].body.ClientToken, aws.calls[1].body.ClientToken);
        const gone = fakeAws({ DeleteUser: workspaces.awsError("ResourceNotFoundException", "no such user", { status: 404 }) });
        await gone.provider.delete!("id", outs);
    });

    it("the attribute updates of a change, as a table", () => {
        assert.deepEqual(workspaces.attributeUpdates({ email: "a@x.org" }, { email: "a@x.org" }), []);
        assert.deepEqual(workspaces.attributeUpdates({}, { surname: "S" }), [{ type: "ADD", attributes: { Surname: "S" } }]);
        assert.deepEqual(workspaces.attributeUpdates({ surname: "S" }, {}), [{ type: "REMOVE", attributes: { Surname: "S" } }]);
    });
});

describe("workspaces user provisioning: Directory Service through the SDK", () => {
    it("ResetUserPassword with the directory, user and password; refusals keep AWS's name and message as plain Errors", async () => {
        const ds = mockClient(DirectoryServiceClient);
        ds.on(ResetUserPasswordCommand).resolves({});
        const api = new workspaces.DirectoryServicePasswords(new DirectoryServiceClient({ region: "eu-west-3" }));
        await api.reset("d-0123456789", "ana.silva", "Initial-Passw0rd!");
        assert.deepEqual(ds.commandCalls(ResetUserPasswordCommand).map((c) => c.args[0].input), [{ DirectoryId: "d-0123456789", UserName: "ana.silva", NewPassword: "Initial-Passw0rd!" }]);
        ds.reset();
        ds.on(ResetUserPasswordCommand).rejects(Object.assign(new Error("The password does not meet the policy"), { name: "InvalidPasswordException" }));
        await assert.rejects(api.reset("d-1", "u", "weak"), (err: Error) => {
            assert.equal(Object.getPrototypeOf(err), Error.prototype);
            assert.deepEqual([err.name, err.message], ["InvalidPasswordException", "ResetUserPassword of 'u' in d-1: The password does not meet the policy"]);
            return true;
        });
        ds.restore();
    });
});

describe("workspaces.DirectoryUsers", () => {
    it("registers one directory user per user with a generated secret first password, the stack's account settings, one shared provider", async () => {
        const { engine, built } = await plan(
            () =>
                new workspaces.DirectoryUsers("people", {
                    directoryId: "d-0123456789",
                    directoryType: "MicrosoftAD",
                    users: [
                        { userName: "ana.silva", email: "ana.silva@example.com", givenName: "Ana", surname: "Silva" },
                        { userName: "li.wei" },
                    ],
                }),
        );
        const user = engine.get("people-ana.silva", "pulumi-nodejs:dynamic:Resource");
        const password = engine.get("people-ana.silva-password", "random:index/randomPassword:RandomPassword");
        assert.deepEqual(
            [user.inputs.region, user.inputs.directoryId, user.inputs.userName, user.inputs.email, user.inputs.passwordMode, user.inputs.edition, user.inputs.password],
            ["eu-west-3", "d-0123456789", "ana.silva", "ana.silva@example.com", "initial", "Standard", password.state.result],
        );
        assert.deepEqual(user.inputs.connection, { dnsSuffix: "amazonaws.com" });
        assert.ok(user.secretInputs.includes("password") && user.secretInputs.includes("connection"));
        assert.deepEqual([user.options.retainOnDelete, user.options.additionalSecretOutputs], [true, ["connection"]]);
        assert.equal(engine.get("people-li.wei").inputs.__provider, user.inputs.__provider, "every user carries the same serialized provider");
        assert.equal(await isSecret(built.passwords), true);
    });

    it("creates no password in mode none, a managed one in mode generated; allowDelete lets users go", async () => {
        const none = await plan(() => new workspaces.DirectoryUsers("p", { directoryId: "d-0123456789", directoryType: "MicrosoftAD", users: [{ userName: "a" }], passwords: "none" }));
        assert.deepEqual(none.engine.ofType("random:index/randomPassword:RandomPassword"), []);
        assert.equal(none.engine.get("p-a").inputs.password, undefined);
        const generated = await plan(() => new workspaces.DirectoryUsers("p", { directoryId: "d-0123456789", directoryType: "MicrosoftAD", users: [{ userName: "a" }], passwords: "generated", allowDelete: true }));
        assert.deepEqual([generated.engine.get("p-a").inputs.passwordMode, generated.engine.get("p-a").options.retainOnDelete], ["managed", false]);
    });

    it("signs with the stack's aws settings (profile, keys as secrets, roles), and asks for them with an explicit provider", async () => {
        const config = {
            "aws:region": "eu-west-3",
            "aws:profile": "desktops",
            "aws:accessKey": "AKIDEXAMPLE",
            "aws:secretKey": "s3cret",
            "aws:assumeRoles": JSON.stringify([{ roleArn: "arn:aws:iam::210987654321:role/deployer", externalId: "x-1" }]),
        };
        const { engine } = await planOn({ config, secretConfigKeys: ["aws:secretKey"] }, () => new workspaces.DirectoryUsers("p", { directoryId: "d-0123456789", directoryType: "MicrosoftAD", users: [{ userName: "a" }], passwords: "none" }));
        const user = engine.get("p-a");
        assert.deepEqual(user.inputs.connection, {
            profile: "desktops",
            accessKey: "AKIDEXAMPLE",
            secretKey: "s3cret",
            assumeRoles: [{ roleArn: "arn:aws:iam::210987654321:role/deployer", externalId: "x-1" }],
            dnsSuffix: "amazonaws.com",
        });
        assert.ok(user.secretInputs.includes("connection"));
        const message = rejectionOf({ config: { "aws:region": "eu-west-3" } }, () => {
            const provider = new aws.Provider("other-account", { region: "eu-west-1" });
            return new workspaces.DirectoryUsers("p", { directoryId: "d-0123456789", directoryType: "MicrosoftAD", users: [{ userName: "a" }] }, { providers: [provider] });
        });
        assert.equal(
            message,
            "aws-euc:workspaces:DirectoryUsers 'p' has invalid arguments:\n  - connection: is required with an explicit aws provider: give the same profile, keys or roles, so that users are created in that provider's account",
        );
    });

    it("resolves credentials: static keys as given; each role of assumeRoles through STS, in order", async () => {
        const keys = credentialsOf({ region: "eu-west-3", accessKey: "AKIDEXAMPLE", secretKey: "s3cret" });
        assert.deepEqual(keys, { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cret", sessionToken: undefined });
        const assumed = credentialsOf({ region: "eu-west-3", accessKey: "AKIDEXAMPLE", secretKey: "s3cret", assumeRoles: [{ roleArn: "arn:aws:iam::210987654321:role/deployer" }] });
        assert.equal(typeof assumed, "function", "resolved lazily, by STS AssumeRole with the keys");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        assert.equal(typeof require("@aws-sdk/nested-clients/sts").getDefaultRoleAssumer, "function");
    });
});
