import * as assert from "node:assert/strict";
import { workspaces } from "../../components";
import { MockEngine } from "../engine";
import { BUNDLE, MANAGED_AD, NETWORK } from "./fixtures";

const HEADER = "aws-euc:workspaces:DesktopEnvironment 'office' has invalid arguments:";

/** The error and the number of registrations (the environment itself included) of a rejected build. */
async function rejected(args: workspaces.DesktopEnvironmentArgs): Promise<{ message: string; registrations: number; paths: string[] }> {
    const engine = MockEngine.start({ config: { "aws:region": "eu-west-3" }, cloud: { roles: ["workspaces_DefaultRole"] } });
    let error: Error & { errors?: { propertyPath: string }[] } = new Error("not rejected");
    try {
        new workspaces.DesktopEnvironment("office", args);
    } catch (err) {
        error = err as typeof error;
    }
    await engine.settle();
    return { message: error.message, registrations: engine.resources.length, paths: (error.errors ?? []).map((e) => e.propertyPath) };
}

describe("workspaces.DesktopEnvironment validates everything before registering anything", () => {
    it("bad arguments of every part: zero registrations, paths as written, each fault once", async () => {
        const users = Array.from({ length: 5 }, (_, i) => ({ userName: `user.${i}` }));
        const { message, registrations, paths } = await rejected({
            directory: { network: { ...NETWORK, subnetIds: [NETWORK.subnetIds[0]] }, directory: { ...MANAGED_AD, shortName: "TOO-LONG-NETBIOS-NAME" }, defaultRole: "maybe" as never },
            encryption: { deletionWindowInDays: 3 },
            desktops: { bundle: BUNDLE, computeType: "HUGE" as never, rootVolumeSizeGib: 90 },
            users: [...users, { userName: "bad name" }, { userName: "ana", computeType: "TINY" as never }],
            provisionUsers: { passwords: "emailed" as never, allowDelete: true },
            monitoring: { sessionLaunchSeconds: 0 },
        });
        assert.equal(registrations, 0);
        assert.deepEqual(paths, [
            "encryption.deletionWindowInDays",
            "directory.network.subnetIds",
            "directory.directory.shortName",
            "directory.defaultRole",
            "desktops.computeType",
            "desktops.rootVolumeSizeGib",
            "users[5].userName",
            "users[6].computeType",
            "monitoring.sessionLaunchSeconds",
            "provisionUsers.passwords",
            "provisionUsers.allowDelete",
        ]);
        assert.ok(message.startsWith(HEADER));
        assert.match(message, /\n {2}- desktops\.computeType: 'HUGE' is not a WorkSpaces compute type/);
        assert.match(message, /\n {2}- provisionUsers\.allowDelete: deleting users while their workspaces are retained leaves billed desktops nobody can sign in to; set retainWorkspaces: false as well/);
        assert.doesNotMatch(message, /defaults\./, "no path the user never wrote");
    });

    it("provisioning needs a Managed AD with data access; a retained desktop needs its directory kept", async () => {
        const simple = await rejected({
            directory: { network: NETWORK, directory: { type: "SimpleAD", name: "corp.example.com" }, retainOnDelete: false },
            desktops: { bundle: BUNDLE },
            users: [{ userName: "ana" }],
            provisionUsers: { changePasswordAtFirstLogon: true, passwords: "generated" },
        });
        assert.equal(simple.registrations, 0);
        assert.deepEqual(simple.paths, ["directory.retainOnDelete", "directory.directory.type", "provisionUsers.changePasswordAtFirstLogon"]);
    });

    it("valid arguments build the whole environment", async () => {
        const engine = MockEngine.start({ config: { "aws:region": "eu-west-3" }, cloud: { roles: ["workspaces_DefaultRole"] } });
        new workspaces.DesktopEnvironment("office", { directory: { network: NETWORK, directory: MANAGED_AD }, desktops: { bundle: BUNDLE }, users: [{ userName: "ana" }], provisionUsers: { changePasswordAtFirstLogon: true } });
        await engine.settle();
        assert.equal(engine.get("office-users-ana").inputs.changePasswordAtFirstLogon, true);
    });
});
