import * as assert from "node:assert/strict";
import { workspaces } from "../../components";
import { unwrap } from "../engine";
import { BUNDLE, MANAGED_AD, NETWORK, plan, USERS } from "./fixtures";

const ARGS: workspaces.DesktopEnvironmentArgs = {
    directory: { network: NETWORK, directory: MANAGED_AD, ipAccessRules: [{ cidr: "203.0.113.0/24" }] },
    desktops: { bundle: BUNDLE },
    users: USERS,
    provisionUsers: {},
};

describe("workspaces.DesktopEnvironment", () => {
    it("follows the seed: key, directory, users, workspaces, monitoring", async () => {
        const { engine } = await plan(() => new workspaces.DesktopEnvironment("office", ARGS));
        assert.deepEqual(engine.find({ parent: "office" }).map((r) => [r.type, r.name]).sort(), [
            ["aws-euc:workspaces:Directory", "office-directory"],
            ["aws-euc:workspaces:DirectoryUsers", "office-users"],
            ["aws-euc:workspaces:EncryptionKey", "office-key"],
            ["aws-euc:workspaces:Monitoring", "office-monitoring"],
            ["aws-euc:workspaces:Workspaces", "office-workspaces"],
        ]);
    });

    it("encrypts with the created key, registers before creating users and workspaces, each waiting for its user", async () => {
        const { engine, built } = await plan(() => new workspaces.DesktopEnvironment("office", ARGS));
        const keyArn = engine.get("office-key-key").state.arn;
        const directoryId = engine.get("office-directory-directory").id;
        assert.equal(engine.ofType("aws:workspaces/workspace:Workspace").length, 3);
        for (const w of engine.ofType("aws:workspaces/workspace:Workspace")) {
            assert.deepEqual([w.inputs.volumeEncryptionKey, w.inputs.directoryId], [keyArn, directoryId], w.name);
        }
        const registration = engine.get("office-directory-registration").urn;
        assert.ok(engine.get("office-users-ana.silva").dependencies.includes(registration), "users wait for the registration");
        const users = engine.ofType("pulumi-nodejs:dynamic:Resource").map((u) => u.urn);
        assert.equal(users.length, 3);
        for (const w of engine.ofType("aws:workspaces/workspace:Workspace")) {
            const own = engine.get(`office-users-${w.inputs.userName}`).urn;
            assert.deepEqual(users.filter((u) => w.dependencies.includes(u)), [own], `${w.name} waits for its own directory user only`);
        }
        assert.deepEqual(engine.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => [a.inputs.metricName, a.inputs.dimensions]), [
            ["Unhealthy", { DirectoryId: directoryId }],
            ["ConnectionFailure", { DirectoryId: directoryId }],
            ["SessionLaunchTime", { DirectoryId: directoryId }],
            ["InSessionLatency", { DirectoryId: directoryId }],
        ]);
        assert.equal(await unwrap(built.registrationCode), engine.get("office-directory-registration").state.registrationCode);
        assert.deepEqual(Object.keys(await unwrap(built.userPasswords!)).sort(), ["ana.silva", "li.wei", "sam.martin"]);
    });

    it("uses an existing key in the stack's region and skips provisioning when not asked", async () => {
        const keyArn = "arn:aws:kms:eu-west-3:123456789012:key/abc";
        const { engine } = await plan(() => new workspaces.DesktopEnvironment("office", { ...ARGS, encryption: { existingKeyArn: keyArn }, provisionUsers: undefined, monitoring: false }));
        assert.deepEqual(engine.ofType("aws:kms/key:Key"), []);
        assert.deepEqual(engine.ofType("pulumi-nodejs:dynamic:Resource"), []);
        assert.deepEqual(engine.ofType("aws:cloudwatch/metricAlarm:MetricAlarm"), []);
        assert.deepEqual([...new Set(engine.ofType("aws:workspaces/workspace:Workspace").map((w) => w.inputs.volumeEncryptionKey))], [keyArn]);
    });
});

describe("workspaces.Monitoring", () => {
    it("alarms on the directory's WorkSpaces metrics, notifies a created topic, and charts them", async () => {
        const { engine } = await plan(() => new workspaces.Monitoring("watch", { directoryId: "d-0123456789", createAlarmTopic: true, inSessionLatencyMs: 200 }));
        const topic = engine.get("watch-alarms").state.arn;
        assert.deepEqual(
            engine.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => [a.inputs.namespace, a.inputs.metricName, a.inputs.statistic, a.inputs.threshold, a.inputs.alarmActions]),
            [
                ["AWS/WorkSpaces", "Unhealthy", "Maximum", 0, [topic]],
                ["AWS/WorkSpaces", "ConnectionFailure", "Sum", 5, [topic]],
                ["AWS/WorkSpaces", "SessionLaunchTime", "Average", 60, [topic]],
                ["AWS/WorkSpaces", "InSessionLatency", "Average", 200, [topic]],
            ],
        );
        const body = JSON.parse(engine.inputsOf("watch-dashboard").dashboardBody);
        assert.deepEqual(body.widgets[1].properties.metrics.map((m: unknown[]) => m[1]), ["SessionLaunchTime", "InSessionLatency"]);
    });
});
