import * as assert from "node:assert/strict";
import { workspaces } from "../../components";
import { simulateDestroy } from "./destroy";
import { BUNDLE, KEY_ARN, MANAGED_AD, NETWORK, plan, USERS } from "./fixtures";

/** The example's environment, on the fixtures' network. */
const EXAMPLE: workspaces.DesktopEnvironmentArgs = {
    directory: { network: NETWORK, directory: MANAGED_AD, ipAccessRules: [{ cidr: "203.0.113.0/24" }], logForwarding: { retentionInDays: 365 } },
    desktops: { bundle: BUNDLE },
    users: USERS,
    provisionUsers: { passwords: "initial" },
    monitoring: { createAlarmTopic: true },
};

const order = (steps: { name: string }[], ...names: string[]) => names.map((n) => steps.findIndex((s) => s.name === n));

describe("workspaces day 2: changes that must not orphan or replace", () => {
    it("a new admin-password spec does not replace the directory (password ignored after creation)", async () => {
        const { engine } = await plan(() => new workspaces.Directory("corp", { network: NETWORK, directory: MANAGED_AD }));
        const directory = engine.get("corp-directory", "aws:directoryservice/directory:Directory");
        assert.deepEqual([directory.options.ignoreChanges, directory.options.retainOnDelete], [["password"], true]);
        assert.deepEqual(engine.get("corp-admin-password").options.ignoreChanges, ["length", "minUpper", "minLower", "minNumeric", "minSpecial", "overrideSpecial"]);
    });

    it("a bundle or key change is not a silent orphan: ignored while desktops are retained, a replacement that terminates otherwise", async () => {
        const args = { directoryId: "d-0123456789", encryptionKeyArn: KEY_ARN, defaults: { bundle: BUNDLE }, users: USERS.slice(0, 1) };
        const retained = (await plan(() => new workspaces.Workspaces("desks", args))).engine.get("desks-ana.silva");
        assert.deepEqual([retained.options.retainOnDelete, retained.options.ignoreChanges], [true, ["bundleId", "volumeEncryptionKey", "rootVolumeEncryptionEnabled", "userVolumeEncryptionEnabled"]]);
        const replaced = (await plan(() => new workspaces.Workspaces("desks", { ...args, retainOnDelete: false }))).engine.get("desks-ana.silva");
        assert.deepEqual([replaced.options.retainOnDelete, replaced.options.ignoreChanges], [false, []]);
    });

    it("waits up to an hour for a new encrypted workspace (the provider's default is 30 minutes)", async () => {
        const { engine } = await plan(() => new workspaces.Workspaces("desks", { directoryId: "d-0123456789", encryptionKeyArn: KEY_ARN, defaults: { bundle: BUNDLE }, users: USERS.slice(0, 1) }));
        assert.deepEqual(engine.get("desks-ana.silva").options.customTimeouts, { create: "60m", update: "30m", delete: "30m" });
    });

    it("removing a user keeps the others and only forgets the removed user (no delete that would fail the update)", async () => {
        const before = (await plan(() => new workspaces.DesktopEnvironment("office", EXAMPLE))).engine.ofType("pulumi-nodejs:dynamic:Resource");
        assert.deepEqual([...new Set(before.map((u) => u.options.retainOnDelete))], [true]);
        const after = (await plan(() => new workspaces.DesktopEnvironment("office", { ...EXAMPLE, users: USERS.slice(1) }))).engine.ofType("pulumi-nodejs:dynamic:Resource");
        assert.deepEqual(after.map((u) => u.urn), before.slice(1).map((u) => u.urn));
    });
});

describe("workspaces: destroying the example", () => {
    it("with defaults, destroy succeeds and keeps desktops, users, registration, directory and key, in that order", async () => {
        const { engine } = await plan(() => new workspaces.DesktopEnvironment("office", EXAMPLE));
        const { steps, refusal } = simulateDestroy(engine.resources);
        assert.equal(refusal, undefined);
        const kept = steps.filter((s) => s.action === "retain").map((s) => s.type);
        for (const type of ["aws:workspaces/workspace:Workspace", "pulumi-nodejs:dynamic:Resource", "aws:workspaces/directory:Directory", "aws:directoryservice/directory:Directory", "aws:kms/key:Key"]) {
            assert.ok(kept.includes(type), `${type} is kept`);
        }
        const [desk, user, registration, directory] = order(steps, "office-workspaces-ana.silva", "office-users-ana.silva", "office-directory-registration", "office-directory-directory");
        assert.ok(desk < user && user < registration && registration < directory, JSON.stringify({ desk, user, registration, directory }));
    });

    it("with everything deletable, destroy deletes desktops, then users, then the registration, then the directory", async () => {
        const args = { ...EXAMPLE, retainWorkspaces: false, directory: { ...EXAMPLE.directory, retainOnDelete: false }, provisionUsers: { allowDelete: true }, encryption: { retainOnDelete: false } };
        const { engine } = await plan(() => new workspaces.DesktopEnvironment("office", args));
        const { steps, refusal } = simulateDestroy(engine.resources);
        assert.equal(refusal, undefined);
        const deleted = (name: string) => steps.find((s) => s.name === name)?.action === "delete";
        assert.ok(["office-workspaces-ana.silva", "office-users-ana.silva", "office-directory-registration", "office-directory-directory", "office-key-key"].every(deleted));
        const [desk, user, registration, directory] = order(steps, "office-workspaces-li.wei", "office-users-li.wei", "office-directory-registration", "office-directory-directory");
        assert.ok(desk < user && user < registration && registration < directory, JSON.stringify({ desk, user, registration, directory }));
    });

    it("parts wired by hand with retained desktops and a deletable registration: the plan refuses, saying what to remove first", async () => {
        const { engine } = await plan(() => {
            const directory = new workspaces.Directory("corp", { network: NETWORK, directory: MANAGED_AD, retainRegistration: false });
            new workspaces.Workspaces("desks", { directoryId: directory.registration.directoryId, encryptionKeyArn: KEY_ARN, defaults: { bundle: BUNDLE }, users: USERS.slice(0, 2) });
        });
        const directoryId = engine.get("corp-directory").id;
        assert.equal(
            simulateDestroy(engine.resources).refusal,
            `deleting corp-registration: InvalidResourceStateException: The directory ${directoryId} still has 2 WorkSpace(s); remove them before deregistering it.`,
        );
    });
});
