import * as assert from "node:assert/strict";
import { appstream } from "../../components";
import { PUBLIC_APPSTREAM_IMAGES } from "../../engine/invokeOutputs";
import { AwsRefusal, fleetChange, MockEngine, RecordedResource, withOldValues } from "../engine";
import { FLEET_ARGS, NETWORK, plan } from "./fixtures";

/** The fields Pulumi would diff between two plans of one resource: changed inputs minus ignoreChanges. */
function diffedFields(before: RecordedResource, after: RecordedResource): string[] {
    const keys = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
    return [...keys].filter((k) => JSON.stringify(before.inputs[k]) !== JSON.stringify(after.inputs[k]) && !after.options.ignoreChanges.includes(k)).sort();
}

const fleetOf = (engine: MockEngine, name = "excel-fleet") => engine.get(name, "aws:appstream/fleet:Fleet");
const planFleet = async (args: Partial<appstream.FleetArgs>) => fleetOf((await plan(() => new appstream.Fleet("excel", { ...FLEET_ARGS, ...args }))).engine);

describe("appstream day 2: what a later `pulumi up` does to running resources", () => {
    it("a new AWS base image does not replace the builder (nor does the agent version AWS reports for LATEST)", async () => {
        const args: appstream.ImageBuilderArgs = { instanceType: "stream.standard.medium", image: { latestMatching: "^AppStream-WinServer2022-" }, network: NETWORK };
        const before = (await plan(() => new appstream.ImageBuilder("excel", args))).engine.get("excel-builder");
        PUBLIC_APPSTREAM_IMAGES.push("AppStream-WinServer2022-12-01-2025");
        try {
            const after = (await plan(() => new appstream.ImageBuilder("excel", args))).engine.get("excel-builder");
            assert.deepEqual([before.inputs.imageArn, after.inputs.imageArn], [
                "arn:aws:appstream:eu-west-3::image/AppStream-WinServer2022-10-08-2025",
                "arn:aws:appstream:eu-west-3::image/AppStream-WinServer2022-12-01-2025",
            ]);
            assert.deepEqual(after.options.ignoreChanges, ["imageArn", "appstreamAgentVersion"]);
            // Every builder input is ForceNew: any diffed field would destroy the builder.
            assert.deepEqual(diffedFields(before, after), []);
        } finally {
            PUBLIC_APPSTREAM_IMAGES.pop();
        }
        const pinned = (await plan(() => new appstream.ImageBuilder("excel", { ...args, image: { name: "ExcelApp-2025-11-01" }, appstreamAgentVersion: "10-20-2025" }))).engine.get("excel-builder");
        assert.deepEqual(pinned.options.ignoreChanges, [], "a pinned image or agent is the user's to change");
    });

    it("scheduled scaling owns the bounds it moves: Pulumi ignores them after creation", async () => {
        const schedules = [{ name: "business-hours", schedule: "cron(0 8 ? * MON-FRI *)", minCapacity: 4 }];
        const { engine } = await plan(() => new appstream.Fleet("excel", { ...FLEET_ARGS, scaling: { minCapacity: 1, maxCapacity: 10, schedules } }));
        assert.deepEqual(engine.get("excel-scaling-target").options.ignoreChanges, ["minCapacity"]);
        const both = await plan(() => new appstream.Fleet("excel", { ...FLEET_ARGS, scaling: { minCapacity: 1, maxCapacity: 10, schedules: [{ ...schedules[0], maxCapacity: 8 }] } }));
        assert.deepEqual(both.engine.get("excel-scaling-target").options.ignoreChanges, ["minCapacity", "maxCapacity"]);
        const none = await plan(() => new appstream.Fleet("excel", { ...FLEET_ARGS, scaling: { minCapacity: 1, maxCapacity: 10 } }));
        assert.deepEqual(none.engine.get("excel-scaling-target").options.ignoreChanges, [], "without schedules the bounds are Pulumi's");
    });

    it("a fleetType change replaces the fleet, and the association goes first (a stack takes one fleet)", async () => {
        // The composite wires the network itself: its fleet takes no `network` of its own.
        const fleetOfEnvironment = { instanceType: FLEET_ARGS.instanceType, image: FLEET_ARGS.image, capacity: FLEET_ARGS.capacity };
        const build = (fleetType: "ON_DEMAND" | "ALWAYS_ON") => plan(() => new appstream.StreamingEnvironment("excel", { network: NETWORK, fleet: { ...fleetOfEnvironment, fleetType } }));
        const before = (await build("ON_DEMAND")).engine;
        const after = (await build("ALWAYS_ON")).engine;
        assert.deepEqual(fleetChange(fleetOf(before, "excel-fleet-fleet"), fleetOf(after, "excel-fleet-fleet")), { kind: "replace", fields: ["fleetType"] });
        const association = after.get("excel-stack-fleet-association");
        assert.equal(association.options.deleteBeforeReplace, true);
        assert.ok(association.dependencies.includes(fleetOf(after, "excel-fleet-fleet").urn), "the association follows the fleet it names");
    });

    it("maxSessionsPerInstance, which UpdateFleet refuses on a running fleet, replaces the fleet instead", async () => {
        const multi = (maxSessionsPerInstance: number) => planFleet({ capacity: { desiredSessions: 20, maxSessionsPerInstance } });
        const [before, after] = [await multi(5), await multi(10)];
        assert.deepEqual(after.options.replaceOnChanges, ["maxSessionsPerInstance"]);
        assert.deepEqual(fleetChange(before, after), { kind: "replace", fields: ["maxSessionsPerInstance"] });
        // Without the replacement, AWS refuses the update.
        assert.throws(
            () => fleetChange(before, { ...after, options: { ...after.options, replaceOnChanges: [] } }),
            (err: unknown) =>
                err instanceof AwsRefusal &&
                err.message ===
                    'AWS would refuse aws:appstream/fleet:Fleet "excel-fleet": InvalidParameterCombinationException: UpdateFleet cannot change maxSessionsPerInstance while the fleet is RUNNING (only displayName, computeCapacity, imageArn, imageName, idleDisconnectTimeoutInSeconds, disconnectTimeoutInSeconds, tags)',
        );
    });

    it("rolling an image is an in-place update; instance type, role or session length stop the fleet", async () => {
        const base = await planFleet({});
        assert.deepEqual(fleetChange(base, await planFleet({ image: { name: "ExcelApp-2025-12-01" } })), { kind: "update", fields: ["imageName"] });
        assert.deepEqual(fleetChange(base, await planFleet({ idleDisconnectTimeoutInSeconds: 900 })), { kind: "update", fields: ["idleDisconnectTimeoutInSeconds"] });
        assert.deepEqual(fleetChange(base, await planFleet({ instanceType: "stream.standard.large" })), { kind: "stop-and-update", fields: ["instanceType"] });
        assert.deepEqual(fleetChange(base, await planFleet({ maxUserDurationInSeconds: 7200 })), { kind: "stop-and-update", fields: ["maxUserDurationInSeconds"] });
        assert.deepEqual(fleetChange(base, await planFleet({ iamRoleArn: "arn:aws:iam::123456789012:role/fleet" })), { kind: "stop-and-update", fields: ["iamRoleArn"] });
        assert.deepEqual(fleetChange(base, await planFleet({})), { kind: "none" });
    });

    it("a capacity change of a scaled fleet is no change: autoscaling owns it (ignoreChanges), Pulumi keeps the old value", async () => {
        const scaling = { minCapacity: 1, maxCapacity: 10 };
        const before = await planFleet({ capacity: { desiredInstances: 2 }, scaling });
        const after = await planFleet({ capacity: { desiredInstances: 6 }, scaling });
        assert.deepEqual(after.options.ignoreChanges, ["computeCapacity"]);
        assert.deepEqual(fleetChange(before, after), { kind: "none" });
        // Without autoscaling the same change is an update of the running fleet.
        assert.deepEqual(fleetChange(before, { ...after, options: { ...after.options, ignoreChanges: [] } }), { kind: "update", fields: ["computeCapacity"] });
        // A nested path keeps only that value.
        assert.deepEqual(withOldValues({ a: { b: 2, c: 3 }, l: [{ x: 1 }] }, { a: { b: 1 }, l: [{ x: 0 }] }, ["a.b", "l[0].x"]), { a: { b: 1, c: 3 }, l: [{ x: 0 }] });
        assert.deepEqual(withOldValues({ a: { b: 2 } }, {}, ["a.b"]), { a: {} }, "a value the old inputs lacked stays unset");
    });
});
