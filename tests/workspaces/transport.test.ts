import * as assert from "node:assert/strict";
import type { HttpRequest } from "@smithy/protocol-http";
import { workspaces } from "../../components";
import { DsDataServer } from "./dsDataServer";

const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const DIRECTORY = "d-0123456789";

/** A provider that reaches `server` with fixed keys, at AWS's documented concurrency, waiting briefly. */
function providerFor(pacing: Partial<workspaces.PacingOptions> = {}) {
    return new workspaces.DirectoryUserProvider({
        pacing: { writesPerSecond: 200, readsPerSecond: 400, baseDelayMs: 5, ...pacing },
        waits: { dataAccessIntervalMs: 5, dataAccessTimeoutMs: 5000, replicationIntervalMs: 5, replicationTimeoutMs: 5000 },
    });
}

function userInputs(server: DsDataServer, userName: string): workspaces.DirectoryUserInputs {
    return {
        region: "eu-west-3",
        connection: { accessKey: CREDENTIALS.accessKeyId, secretKey: CREDENTIALS.secretAccessKey, dsDataEndpoint: server.endpoint, directoryServiceEndpoint: server.endpoint },
        directoryId: DIRECTORY,
        userName,
        email: `${userName}@example.com`,
        password: "Initial-Passw0rd!",
        passwordMode: "initial",
    };
}

/** A clock that records the waits asked of it and returns at once. */
function instantClock() {
    const waits: number[] = [];
    let now = 0;
    const clock: workspaces.Clock = { now: () => now, sleep: async (ms) => void (waits.push(ms), (now += ms)) };
    return { clock, waits };
}

describe("workspaces user provisioning: the signed HTTPS transport", () => {
    it("POSTs /Users/<Operation>?DirectoryId=… with a JSON body, SigV4-signed for ds-data in the region, at the partition's host", async () => {
        const sent: [HttpRequest, string][] = [];
        const transport = new workspaces.SignedHttpTransport("cn-north-1", {
            credentials: CREDENTIALS,
            dnsSuffix: "amazonaws.com.cn",
            send: async (request, endpoint) => {
                sent.push([request, endpoint]);
                return { status: 200, headers: {}, body: JSON.stringify({ SID: "S-1", SAMAccountName: "ana.silva" }) };
            },
        });
        const answer = await transport.send({ operation: "CreateUser", directoryId: DIRECTORY, body: { SAMAccountName: "ana.silva", EmailAddress: "ana@example.com" } });
        assert.deepEqual(answer, { SID: "S-1", SAMAccountName: "ana.silva" });
        const [[request, endpoint]] = sent;
        assert.equal(endpoint, "https://ds-data.cn-north-1.amazonaws.com.cn");
        assert.deepEqual([request.method, request.hostname, request.path, request.query], ["POST", "ds-data.cn-north-1.amazonaws.com.cn", "/Users/CreateUser", { DirectoryId: DIRECTORY }]);
        assert.deepEqual(JSON.parse(request.body), { SAMAccountName: "ana.silva", EmailAddress: "ana@example.com" });
        assert.match(request.headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/ds-data\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
    });

    it("names errors by AWS's code from the header or a namespaced __type, and survives a body that is not JSON", async () => {
        const answers: { status: number; headers: Record<string, string>; body: string }[] = [
            { status: 404, headers: { "X-Amzn-ErrorType": "ResourceNotFoundException:http://internal.amazon.com/" }, body: JSON.stringify({ Message: "User not found" }) },
            { status: 404, headers: {}, body: JSON.stringify({ __type: "com.amazonaws.dsdata#ResourceNotFoundException", message: "User not found" }) },
            { status: 502, headers: {}, body: "<html>Bad Gateway</html>" },
        ];
        const transport = new workspaces.SignedHttpTransport("eu-west-3", { credentials: CREDENTIALS, send: async () => answers.shift()! });
        const call = { operation: "DescribeUser" as const, directoryId: DIRECTORY, body: { SAMAccountName: "x" } };
        await assert.rejects(transport.send(call), { name: "ResourceNotFoundException", message: "ResourceNotFoundException: User not found", status: 404 });
        await assert.rejects(transport.send(call), { name: "ResourceNotFoundException", message: "ResourceNotFoundException: User not found" });
        await assert.rejects(transport.send(call), { name: "InternalServerException", message: "InternalServerException: <html>Bad Gateway</html>", status: 502 });
    });
});

describe("workspaces user provisioning: pacing and retries", () => {
    it("spaces writes at the directory's rate (Standard: 4 per second) and honours Retry-After", async () => {
        const { clock, waits } = instantClock();
        const limiter = new workspaces.RateLimiter(workspaces.DS_DATA_LIMITS.Standard.writesPerSecond, clock);
        for (let i = 0; i < 5; i++) {
            await limiter.take();
        }
        assert.deepEqual(waits, [250, 250, 250, 250]);

        const timed = instantClock();
        let calls = 0;
        const throttled: workspaces.DsDataTransport = {
            send: async () => {
                if (++calls === 1) {
                    throw workspaces.awsError("ThrottlingException", "Rate exceeded", { status: 429, retryAfterSeconds: 3 });
                }
                return { ok: true };
            },
        };
        const paced = new workspaces.PacedTransport(throttled, { ...workspaces.DS_DATA_LIMITS.Standard, clock: timed.clock });
        assert.deepEqual(await paced.send({ operation: "DescribeUser", directoryId: DIRECTORY, body: {} }), { ok: true });
        assert.deepEqual(timed.waits.filter((w) => w >= 1000), [3000]);
    });

    it("does not retry what will not pass, and gives up after maxAttempts with AWS's error", async () => {
        const { clock } = instantClock();
        let calls = 0;
        const denied = new workspaces.PacedTransport({ send: async () => (calls++, Promise.reject(workspaces.awsError("AccessDeniedException", "not authorized", { reason: "IAM_AUTH" }))) }, { ...workspaces.DS_DATA_LIMITS.Standard, clock });
        await assert.rejects(denied.send({ operation: "CreateUser", directoryId: DIRECTORY, body: {} }), { name: "AccessDeniedException", message: "AccessDeniedException: not authorized (reason IAM_AUTH)" });
        assert.equal(calls, 1);
        calls = 0;
        const busy = new workspaces.PacedTransport({ send: async () => (calls++, Promise.reject(workspaces.awsError("InternalServerException", "oops", { status: 500 }))) }, { ...workspaces.DS_DATA_LIMITS.Standard, maxAttempts: 4, clock });
        await assert.rejects(busy.send({ operation: "CreateUser", directoryId: DIRECTORY, body: {} }), { name: "InternalServerException" });
        assert.equal(calls, 4);
    });
});

describe("workspaces user provisioning against a local Directory Service (Data) server", () => {
    let server: DsDataServer;
    afterEach(() => server?.stop());

    it("provisions 50 users through throttling, 5xx, replication lag and data access still enabling, within 10 requests in flight", async () => {
        server = await new DsDataServer({ throttleEvery: 7, unavailableFirst: 3, passwordLag: 2, enablingFor: 3, latencyMs: 5 }).start();
        const provider = providerFor();
        const names = Array.from({ length: 50 }, (_, i) => `user.${String(i).padStart(2, "0")}`);
        const results = await Promise.all(names.map((name) => provider.create(userInputs(server, name))));
        assert.deepEqual(results.map((r) => r.id), names.map((n) => `${DIRECTORY}/${n}`));
        assert.equal(server.users.size, 50);
        assert.ok([...server.users.values()].every((u) => u.passwordSet), "every user got the password");
        assert.ok(server.maxInFlight <= workspaces.DS_DATA_LIMITS.Standard.concurrency, `at most 10 in flight; saw ${server.maxInFlight}`);
        const statuses = server.requests.map((r) => r.status);
        assert.ok(statuses.includes(429) && statuses.includes(503), "the server did throttle and fail");
        assert.equal(server.requests.filter((r) => r.operation === "CreateUser" && r.status === 200).length, 50);
    });

    it("adopts a user left by an earlier failed run (ConflictException), and deletes and re-creates within 8 hours", async () => {
        server = await new DsDataServer().start();
        server.addUser(DIRECTORY, { SAMAccountName: "ana.silva", GivenName: "Ana" });
        const provider = providerFor();
        const created = await provider.create(userInputs(server, "ana.silva"));
        assert.equal(created.id, `${DIRECTORY}/ana.silva`);
        assert.deepEqual(server.requests.filter((r) => r.operation !== "DescribeDirectoryDataAccess").map((r) => [r.operation, r.status]), [
            ["CreateUser", 409],
            ["DescribeUser", 200],
            ["UpdateUser", 200],
            ["ResetUserPassword", 200],
        ]);
        assert.equal(server.users.get(`${DIRECTORY}/ana.silva`)?.EmailAddress, "ana.silva@example.com");
        await provider.delete(created.id, created.outs as workspaces.DirectoryUserOutputs);
        await provider.create(userInputs(server, "ana.silva"));
        assert.equal(server.users.size, 1, "deleted, then created again (no replayed token)");
    });

    it("reports AWS's error name and message when it cannot converge", async () => {
        server = await new DsDataServer({ refuse: { CreateUser: { status: 403, type: "AccessDeniedException", message: "User is not authorized to perform ds-data:CreateUser" } } }).start();
        await assert.rejects(providerFor().create(userInputs(server, "ana.silva")), {
            name: "AccessDeniedException",
            message: "AccessDeniedException: User is not authorized to perform ds-data:CreateUser",
        });
    });
});
