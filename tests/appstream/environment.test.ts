import * as assert from "node:assert/strict";
import { appstream } from "../../components";
import { unwrap } from "../engine";
import { NETWORK, plan } from "./fixtures";

const ARGS: appstream.StreamingEnvironmentArgs = {
    network: NETWORK,
    imageBuilder: { instanceType: "stream.standard.medium", image: { latestMatching: "^AppStream-WinServer2022-" } },
    fleet: { instanceType: "stream.standard.medium", image: { name: "ExcelApp-2025-11-01" }, capacity: { desiredInstances: 2 }, scaling: { minCapacity: 1, maxCapacity: 5 } },
    stack: { storageConnectors: [{ type: "HOMEFOLDERS" }] },
    users: { users: [{ email: "ana@example.com" }] },
};

describe("appstream.StreamingEnvironment", () => {
    it("follows the seed in order: builder, fleet, stack, users, monitoring, each a child component", async () => {
        const { engine } = await plan(() => new appstream.StreamingEnvironment("excel", ARGS));
        assert.deepEqual(
            engine.find({ parent: "excel" }).map((r) => [r.type, r.name]).sort(),
            [
                ["aws-euc:appstream:Fleet", "excel-fleet"],
                ["aws-euc:appstream:FleetMonitoring", "excel-monitoring"],
                ["aws-euc:appstream:ImageBuilder", "excel-builder"],
                ["aws-euc:appstream:Stack", "excel-stack"],
                ["aws-euc:appstream:Users", "excel-users"],
                ["aws:ec2/securityGroup:SecurityGroup", "excel-sg"],
            ],
        );
    });

    it("shares one security group between the builder and the fleet, and wires fleet → stack → users → monitoring", async () => {
        const { engine, built } = await plan(() => new appstream.StreamingEnvironment("excel", ARGS));
        const sg = engine.get("excel-sg").id;
        assert.equal(engine.ofType("aws:ec2/securityGroup:SecurityGroup").length, 1);
        assert.deepEqual(engine.inputsOf("excel-builder-builder").vpcConfig.securityGroupIds, [sg]);
        assert.deepEqual(engine.inputsOf("excel-fleet-fleet").vpcConfig.securityGroupIds, [sg]);
        const fleetName = engine.get("excel-fleet-fleet").state.name;
        const stackName = engine.get("excel-stack-stack").state.name;
        assert.deepEqual(engine.inputsOf("excel-stack-fleet-association"), { fleetName, stackName });
        assert.equal(engine.inputsOf("excel-users-ana@example.com-stack").stackName, stackName);
        assert.deepEqual(engine.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs.dimensions), [{ Fleet: fleetName }, { Fleet: fleetName }]);
        assert.equal(await unwrap(built.fleetName), fleetName);
        assert.match(await unwrap(built.testStreamingUrlCommand!), new RegExp(`--stack-name ${stackName} --fleet-name ${fleetName}`));
        assert.match((await unwrap(built.imageBuilderSteps!)).connectCommand, /create-image-builder-streaming-url/);
    });

    it("needs only a network and a fleet", async () => {
        const { engine } = await plan(() => new appstream.StreamingEnvironment("min", { network: NETWORK, fleet: ARGS.fleet }));
        assert.deepEqual(engine.find({ parent: "min" }).map((r) => r.type).sort(), [
            "aws-euc:appstream:Fleet",
            "aws-euc:appstream:FleetMonitoring",
            "aws-euc:appstream:Stack",
            "aws:ec2/securityGroup:SecurityGroup",
        ]);
    });
});
