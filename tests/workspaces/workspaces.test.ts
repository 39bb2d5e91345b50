import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { workspaces } from "../../components";
import { unwrap } from "../engine";
import { BUNDLE, KEY_ARN, plan, USERS } from "./fixtures";

const ARGS: workspaces.WorkspacesArgs = { directoryId: "d-0123456789", encryptionKeyArn: KEY_ARN, defaults: { bundle: BUNDLE }, users: USERS };
const WORKSPACE = "aws:workspaces/workspace:Workspace";

describe("workspaces.Workspaces", () => {
    it("gives every user a workspace with root and user volumes encrypted by the key", async () => {
        const { engine } = await plan(() => new workspaces.Workspaces("desks", ARGS));
        const all = engine.ofType(WORKSPACE, "desks");
        assert.equal(all.length, 3);
        for (const w of all) {
            assert.deepEqual([w.inputs.rootVolumeEncryptionEnabled, w.inputs.userVolumeEncryptionEnabled, w.inputs.volumeEncryptionKey, w.inputs.directoryId], [true, true, KEY_ARN, "d-0123456789"], w.name);
        }
    });

    it("runs AUTO_STOP with a one-hour timeout, the bundle's compute type and 80/50 GiB volumes by default; users override", async () => {
        const { engine } = await plan(() => new workspaces.Workspaces("desks", ARGS));
        const bundle = engine.invokesOf("aws:workspaces/getBundle:getBundle");
        assert.equal(bundle.length, 1);
        // The mock's Standard bundle has the STANDARD compute type: sent explicitly, not the provider's VALUE.
        assert.deepEqual(engine.inputsOf("desks-ana.silva").workspaceProperties, { computeTypeName: "STANDARD", runningMode: "AUTO_STOP", runningModeAutoStopTimeoutInMinutes: 60, rootVolumeSizeGib: 80, userVolumeSizeGib: 50 });
        assert.deepEqual(engine.inputsOf("desks-sam.martin").workspaceProperties, {
            computeTypeName: "PERFORMANCE",
            runningMode: "AUTO_STOP",
            runningModeAutoStopTimeoutInMinutes: 60,
            rootVolumeSizeGib: 175,
            userVolumeSizeGib: 100,
        });
        assert.equal(engine.inputsOf("desks-li.wei").userName, "li.wei");
    });

    it("keeps bundle ids given as Outputs apart: each user's workspace gets its own", async () => {
        const { engine } = await plan(
            () =>
                new workspaces.Workspaces("desks", {
                    ...ARGS,
                    users: [
                        { userName: "one", bundle: { id: pulumi.output("wsb-first0001") } },
                        { userName: "two", bundle: { id: pulumi.output("wsb-second002") } },
                    ],
                }),
        );
        assert.equal(engine.inputsOf("desks-one").bundleId, "wsb-first0001");
        assert.equal(engine.inputsOf("desks-two").bundleId, "wsb-second002");
    });

    it("looks a bundle up once per distinct name, and uses ids as given", async () => {
        const { engine } = await plan(
            () =>
                new workspaces.Workspaces("desks", {
                    ...ARGS,
                    users: [...USERS, { userName: "dev.one", bundle: { name: "Standard with Amazon Linux 2" } }, { userName: "dev.two", bundle: { name: "Standard with Amazon Linux 2" } }, { userName: "ops", bundle: { id: "wsb-custom01" } }, { userName: "ops.two", bundle: { id: "wsb-custom01" } }],
                }),
        );
        assert.deepEqual(
            engine.invokesOf("aws:workspaces/getBundle:getBundle").map((i) => JSON.stringify(i.args)).sort(),
            [{ bundleId: "wsb-custom01" }, { name: "Standard with Amazon Linux 2", owner: "AMAZON" }, { name: "Standard with Windows 10 (Server 2022 based)", owner: "AMAZON" }].map((a) => JSON.stringify(a)).sort(),
        );
        assert.equal(engine.inputsOf("desks-ana.silva").bundleId, "wsb-93xk71ss4");
        assert.equal(engine.inputsOf("desks-dev.two").bundleId, "wsb-clj85qzj1");
        assert.equal(engine.inputsOf("desks-ops").bundleId, "wsb-custom01");
    });

    it("retains workspaces on delete by default; protection and deletion are explicit choices", async () => {
        const retained = await plan(() => new workspaces.Workspaces("desks", ARGS));
        assert.deepEqual(retained.engine.ofType(WORKSPACE).map((w) => [w.options.retainOnDelete, w.options.protect]), [[true, false], [true, false], [true, false]]);
        const protectedOnes = await plan(() => new workspaces.Workspaces("desks", { ...ARGS, protect: true, retainOnDelete: false }));
        assert.deepEqual(protectedOnes.engine.ofType(WORKSPACE).map((w) => [w.options.retainOnDelete, w.options.protect]), [[false, true], [false, true], [false, true]]);
    });

    it("keeps the other users' workspaces (names and inputs) when one user is removed", async () => {
        const before = (await plan(() => new workspaces.Workspaces("desks", ARGS))).engine.ofType(WORKSPACE);
        const after = (await plan(() => new workspaces.Workspaces("desks", { ...ARGS, users: USERS.filter((u) => u.userName !== "li.wei") }))).engine.ofType(WORKSPACE);
        assert.deepEqual(after.map((w) => w.urn).sort(), before.filter((w) => w.inputs.userName !== "li.wei").map((w) => w.urn).sort());
        for (const w of after) {
            assert.deepEqual(w.inputs, before.find((b) => b.urn === w.urn)!.inputs, w.name);
        }
    });

    it("exposes workspace ids by user", async () => {
        const { engine, built } = await plan(() => new workspaces.Workspaces("desks", ARGS));
        assert.deepEqual(await unwrap(built.workspaceIds), Object.fromEntries(engine.ofType(WORKSPACE).map((w) => [w.inputs.userName, w.id])));
    });

    it("every workspace waits for what the component depends on, and for its own user resource", async () => {
        const { engine } = await plan(() => {
            const gate = new random.RandomId("gate", { byteLength: 4 });
            const ana = new random.RandomId("ana-user", { byteLength: 4 });
            return new workspaces.Workspaces("desks", { ...ARGS, userResources: { "ana.silva": ana } }, { dependsOn: [gate] });
        });
        const [gate, ana] = [engine.get("gate").urn, engine.get("ana-user").urn];
        assert.deepEqual([engine.get("desks-ana.silva").dependencies.includes(gate), engine.get("desks-ana.silva").dependencies.includes(ana)], [true, true]);
        assert.deepEqual([engine.get("desks-li.wei").dependencies.includes(gate), engine.get("desks-li.wei").dependencies.includes(ana)], [true, false]);
    });
});
