import * as assert from "node:assert/strict";
import { appstream } from "../../components";
import { unwrap } from "../engine";
import { FLEET_ARGS, plan, SUBNETS } from "./fixtures";

describe("appstream.Fleet", () => {
    it("defaults to an on-demand app fleet without internet, with session limits inside the pack's thresholds", async () => {
        const { engine, built } = await plan(() => new appstream.Fleet("excel", FLEET_ARGS));
        const fleet = engine.get("excel-fleet", "aws:appstream/fleet:Fleet");
        assert.deepEqual(
            {
                fleetType: fleet.inputs.fleetType,
                instanceType: fleet.inputs.instanceType,
                imageName: fleet.inputs.imageName,
                computeCapacity: fleet.inputs.computeCapacity,
                maxUserDurationInSeconds: fleet.inputs.maxUserDurationInSeconds,
                disconnectTimeoutInSeconds: fleet.inputs.disconnectTimeoutInSeconds,
                idleDisconnectTimeoutInSeconds: fleet.inputs.idleDisconnectTimeoutInSeconds,
                streamView: fleet.inputs.streamView,
                enableDefaultInternetAccess: fleet.inputs.enableDefaultInternetAccess,
                vpcConfig: fleet.inputs.vpcConfig,
            },
            {
                fleetType: "ON_DEMAND",
                instanceType: "stream.standard.medium",
                imageName: "ExcelApp-2025-11-01",
                computeCapacity: { desiredInstances: 2 },
                maxUserDurationInSeconds: 28800,
                disconnectTimeoutInSeconds: 300,
                idleDisconnectTimeoutInSeconds: 600,
                streamView: "APP",
                enableDefaultInternetAccess: false,
                vpcConfig: { subnetIds: SUBNETS, securityGroupIds: [engine.get("excel-sg").id] },
            },
        );
        assert.equal(await unwrap(built.name), fleet.state.name);
        assert.deepEqual(fleet.options.ignoreChanges, []);
    });

    it("takes multi-session capacity, ALWAYS_ON, DESKTOP view and an image ARN", async () => {
        const { engine } = await plan(
            () =>
                new appstream.Fleet("excel", {
                    ...FLEET_ARGS,
                    fleetType: "ALWAYS_ON",
                    streamView: "DESKTOP",
                    image: { arn: "arn:aws:appstream:eu-west-3:123456789012:image/ExcelApp-2025-11-01" },
                    capacity: { desiredSessions: 20, maxSessionsPerInstance: 5 },
                }),
        );
        const inputs = engine.inputsOf("excel-fleet");
        assert.deepEqual([inputs.fleetType, inputs.streamView, inputs.imageArn, inputs.computeCapacity, inputs.maxSessionsPerInstance], ["ALWAYS_ON", "DESKTOP", "arn:aws:appstream:eu-west-3:123456789012:image/ExcelApp-2025-11-01", { desiredSessions: 20 }, 5]);
    });

    it("scales desired capacity with a target, a target-tracking policy on capacity utilization and scheduled actions", async () => {
        const { engine } = await plan(
            () =>
                new appstream.Fleet("excel", {
                    ...FLEET_ARGS,
                    scaling: {
                        minCapacity: 1,
                        maxCapacity: 10,
                        schedules: [
                            { name: "business-hours", schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Paris", minCapacity: 5 },
                            { name: "evening", schedule: "cron(0 19 ? * MON-FRI *)", timezone: "Europe/Paris", minCapacity: 1 },
                        ],
                    },
                }),
        );
        const fleetName = engine.get("excel-fleet").state.name;
        assert.deepEqual(engine.get("excel-fleet").options.ignoreChanges, ["computeCapacity"], "scaling owns the desired capacity");
        const target = engine.get("excel-scaling-target", "aws:appautoscaling/target:Target").inputs;
        assert.deepEqual(target, { serviceNamespace: "appstream", scalableDimension: "appstream:fleet:DesiredCapacity", resourceId: `fleet/${fleetName}`, minCapacity: 1, maxCapacity: 10 });
        const policy = engine.get("excel-scaling-policy", "aws:appautoscaling/policy:Policy").inputs;
        assert.deepEqual(
            [policy.policyType, policy.serviceNamespace, policy.scalableDimension, policy.resourceId],
            ["TargetTrackingScaling", "appstream", "appstream:fleet:DesiredCapacity", `fleet/${fleetName}`],
        );
        assert.deepEqual(policy.targetTrackingScalingPolicyConfiguration, {
            predefinedMetricSpecification: { predefinedMetricType: "AppStreamAverageCapacityUtilization" },
            targetValue: 75,
            scaleInCooldown: 900,
            scaleOutCooldown: 300,
        });
        const schedules = engine.ofType("aws:appautoscaling/scheduledAction:ScheduledAction", "excel");
        assert.deepEqual(
            schedules.map((s) => [s.name, s.inputs.schedule, s.inputs.timezone, s.inputs.scalableTargetAction, s.inputs.resourceId]),
            [
                ["excel-schedule-business-hours", "cron(0 8 ? * MON-FRI *)", "Europe/Paris", { minCapacity: 5 }, `fleet/${fleetName}`],
                ["excel-schedule-evening", "cron(0 19 ? * MON-FRI *)", "Europe/Paris", { minCapacity: 1 }, `fleet/${fleetName}`],
            ],
        );
    });

    it("rolls to a new image by changing only the fleet's image input", async () => {
        const before = (await plan(() => new appstream.Fleet("excel", FLEET_ARGS))).engine.resources;
        const after = (await plan(() => new appstream.Fleet("excel", { ...FLEET_ARGS, image: { name: "ExcelApp-2025-12-01" } }))).engine.resources;
        const changed = after.filter((r) => JSON.stringify(r.inputs) !== JSON.stringify(before.find((b) => b.urn === r.urn)?.inputs));
        assert.deepEqual(changed.map((r) => r.name), ["excel-fleet"]);
        const { imageName: newImage, ...rest } = changed[0].inputs;
        const { imageName: oldImage, ...oldRest } = before.find((b) => b.name === "excel-fleet")!.inputs;
        assert.deepEqual([oldImage, newImage], ["ExcelApp-2025-11-01", "ExcelApp-2025-12-01"]);
        assert.deepEqual(rest, oldRest);
    });
});
