import * as assert from "node:assert/strict";
import { appstream } from "../../components";
import * as aws from "@pulumi/aws";
import { planOn, RecordedResource, unwrap } from "../engine";
import { errorOf, NETWORK, plan, startEngine } from "./fixtures";

const BUILDER: appstream.StreamingEnvironmentArgs["imageBuilder"] = { instanceType: "stream.standard.medium", image: { latestMatching: "^AppStream-WinServer2022-" } };
const FLEET: appstream.StreamingEnvironmentArgs["fleet"] = {
    instanceType: "stream.standard.medium",
    image: { name: "ExcelApp-2025-11-01" },
    capacity: { desiredInstances: 2 },
    scaling: { minCapacity: 1, maxCapacity: 5 },
};
const ARGS: appstream.StreamingEnvironmentArgs = {
    network: NETWORK,
    imageBuilder: BUILDER,
    fleet: FLEET,
    stack: { storageConnectors: [{ type: "HOMEFOLDERS" }] },
    users: { users: [{ email: "ana@example.com" }] },
};
const JOIN = { directoryName: "corp.example.com", organizationalUnit: "OU=Builders,DC=corp,DC=example,DC=com", serviceAccount: { name: "CORP\\svc-appstream", password: "pw" } };
const JOINED_NETWORK = { ...NETWORK, securityGroupIds: ["sg-0dcdcdcdcdcdcdcdc"] };

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
        assert.equal(await unwrap(built.fleetName!), fleetName);
        assert.match(await unwrap(built.testStreamingUrlCommand!), new RegExp(`--stack-name ${stackName} --fleet-name ${fleetName}`));
        assert.match((await unwrap(built.imageBuilderSteps!)).connectCommand, /create-image-builder-streaming-url/);
    });

    it("checks that the AppStream service role exists (a fresh account has none), or creates it when asked", async () => {
        const existing = await plan(() => new appstream.StreamingEnvironment("excel", ARGS));
        assert.deepEqual(existing.engine.invokesOf("aws:iam/getRole:getRole").map((i) => i.args), [{ name: "AmazonAppStreamServiceAccess" }]);
        assert.equal(await unwrap(existing.built.serviceRoleArn), "arn:aws:iam::123456789012:role/service-role/AmazonAppStreamServiceAccess");
        assert.deepEqual(existing.engine.ofType("aws:iam/role:Role"), []);

        // Creating it is for an account that lacks it (in one that has it, IAM answers EntityAlreadyExists).
        const fresh = { config: { "aws:region": "eu-west-3" }, cloud: { roles: [] } };
        const { engine } = await planOn(fresh, () => new appstream.StreamingEnvironment("excel", { ...ARGS, serviceRole: "create" }));
        assert.deepEqual(engine.invokesOf("aws:iam/getRole:getRole"), []);
        const role = engine.get("excel-service-role", "aws:iam/role:Role");
        assert.deepEqual([role.inputs.name, role.inputs.path, JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal], ["AmazonAppStreamServiceAccess", "/service-role/", { Service: "appstream.amazonaws.com" }]);
        const attachment = engine.get("excel-service-role-policy");
        assert.equal(attachment.inputs.policyArn, "arn:aws:iam::aws:policy/service-role/AmazonAppStreamServiceAccess");
        for (const instance of ["excel-builder-builder", "excel-fleet-fleet"]) {
            assert.ok(engine.get(instance).dependencies.includes(role.urn) && engine.get(instance).dependencies.includes(attachment.urn), `${instance} waits for the role`);
        }
    });

    it("in a fresh account: the lookup fails the preview naming the role, and creating it plans", async () => {
        const fresh = { config: { "aws:region": "eu-west-3" }, cloud: { roles: [] } };
        await assert.rejects(
            planOn(fresh, () => new appstream.StreamingEnvironment("excel", ARGS)),
            /reading IAM Role \(AmazonAppStreamServiceAccess\): NoSuchEntity: The role with name AmazonAppStreamServiceAccess cannot be found\./,
        );
        await assert.doesNotReject(planOn(fresh, () => new appstream.StreamingEnvironment("excel", { ...ARGS, serviceRole: "create" })));
        // A raw fleet in a fresh account fails the way AWS would.
        await assert.rejects(
            planOn(fresh, () => new aws.appstream.Fleet("raw", { instanceType: "stream.standard.small", imageName: "x", computeCapacity: { desiredInstances: 1 } })),
            /"raw": InvalidRoleException: the account has no AmazonAppStreamServiceAccess role: open the AppStream console once, or create the role/,
        );
    });

    it("streams the builder and the stack's users through one private endpoint", async () => {
        const { engine } = await plan(() => new appstream.StreamingEnvironment("excel", { ...ARGS, privateStreamingEndpoint: { clientCidrBlocks: ["10.0.0.0/8"] } }));
        const endpoint = engine.get("excel-streaming-endpoint", "aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.equal(engine.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").length, 1);
        assert.deepEqual(engine.inputsOf("excel-builder-builder").accessEndpoints, [{ endpointType: "STREAMING", vpceId: endpoint.id }]);
        assert.deepEqual(engine.inputsOf("excel-stack-stack").accessEndpoints, [{ endpointType: "STREAMING", vpceId: endpoint.id }]);
    });

    it("adds an S3 gateway endpoint for home folders when asked", async () => {
        const { engine } = await plan(() => new appstream.StreamingEnvironment("excel", { ...ARGS, s3GatewayEndpoint: { routeTableIds: ["rtb-0private"] } }));
        const s3 = engine.get("excel-s3-endpoint").inputs;
        assert.deepEqual([s3.vpcEndpointType, s3.serviceName, s3.routeTableIds, s3.vpcId], ["Gateway", "com.amazonaws.eu-west-3.s3", ["rtb-0private"], NETWORK.vpcId]);
    });

    it("exports the role and provider ARN pair the identity provider sends for SAML users", async () => {
        const providerArn = "arn:aws:iam::123456789012:saml-provider/corp-idp";
        const { engine, built } = await plan(() => new appstream.StreamingEnvironment("excel", { network: NETWORK, fleet: FLEET, users: { saml: { providerArn } } }));
        assert.equal(await unwrap(built.samlRoleAttribute!), `${engine.get("excel-users-saml-role").state.arn},${providerArn}`);
        assert.match(await unwrap(built.relayStateUrl!), /^https:\/\/appstream2\.euc-sso\.eu-west-3\.aws\.amazon\.com\/saml\?stack=excel-stack-stack-/);
    });

    it("charts session slots for a multi-session fleet", async () => {
        const { engine } = await plan(
            () => new appstream.StreamingEnvironment("excel", { network: NETWORK, fleet: { ...FLEET, scaling: undefined, capacity: { desiredSessions: 20, maxSessionsPerInstance: 5 } } }),
        );
        const body = JSON.parse(engine.inputsOf("excel-monitoring-dashboard").dashboardBody);
        assert.deepEqual(body.widgets[0].properties.metrics.map((m: string[]) => m[1]), ["ActualUserSessionCapacity", "ActiveUserSessionCapacity", "AvailableUserSessionCapacity", "PendingUserSessionCapacity"]);
    });
});

describe("appstream.StreamingEnvironment, staged: a builder first, the fleet once its image exists", () => {
    const stepOne: appstream.StreamingEnvironmentArgs = { network: NETWORK, imageBuilder: BUILDER };
    const stepTwo: appstream.StreamingEnvironmentArgs = { ...ARGS };

    it("plans the builder alone on the first deployment", async () => {
        const { engine, built } = await plan(() => new appstream.StreamingEnvironment("excel", stepOne));
        assert.deepEqual(engine.find({ parent: "excel" }).map((r) => r.name).sort(), ["excel-builder", "excel-sg"]);
        assert.deepEqual(engine.ofType("aws:appstream/fleet:Fleet"), []);
        assert.equal(built.fleetName, undefined);
        assert.match((await unwrap(built.imageBuilderSteps!)).createImageCommand, /create-image --name <image-name>/);
    });

    it("adding the fleet later changes nothing of what the first deployment made", async () => {
        const first = (await plan(() => new appstream.StreamingEnvironment("excel", stepOne))).engine;
        const second = (await plan(() => new appstream.StreamingEnvironment("excel", stepTwo))).engine;
        const view = (r: RecordedResource) => ({ urn: r.urn, inputs: r.inputs, dependencies: r.dependencies.sort(), options: r.options });
        for (const made of first.resources) {
            assert.deepEqual(view(second.get(made.name, made.type)), view(made), `${made.name} is unchanged`);
        }
        assert.ok(second.ofType("aws:appstream/fleet:Fleet").length === 1);
    });

    it("refuses a stack, users or monitoring without the fleet they need", () => {
        assert.equal(
            errorOf(() => new appstream.StreamingEnvironment("e", { ...stepOne, stack: {}, users: { users: [] }, monitoring: { createAlarmTopic: true } })),
            [
                "aws-euc:appstream:StreamingEnvironment 'e' has invalid arguments:",
                "  - stack: needs `fleet`: add it in the deployment that adds the fleet and its image",
                "  - users: needs `fleet`: add it in the deployment that adds the fleet and its image",
                "  - monitoring: needs `fleet`: it watches the fleet's capacity",
            ].join("\n"),
        );
    });
});

describe("appstream.StreamingEnvironment with a domain join", () => {
    it("creates one DirectoryConfig for the builder and the fleet, with both OUs, and both wait for it", async () => {
        const fleetJoin = { ...JOIN, organizationalUnit: "OU=Fleet,DC=corp,DC=example,DC=com" };
        const { engine } = await plan(
            () =>
                new appstream.StreamingEnvironment("excel", {
                    network: JOINED_NETWORK,
                    imageBuilder: { ...BUILDER, domainJoin: JOIN },
                    fleet: { ...FLEET, domainJoin: fleetJoin },
                }),
        );
        const configs = engine.ofType("aws:appstream/directoryConfig:DirectoryConfig");
        assert.deepEqual(configs.map((c) => [c.name, c.inputs.directoryName, c.inputs.organizationalUnitDistinguishedNames]), [
            ["excel-corp.example.com-directory-config", "corp.example.com", [JOIN.organizationalUnit, fleetJoin.organizationalUnit]],
        ]);
        assert.ok(configs[0].secretInputs.some((p) => p.startsWith("serviceAccountCredentials")), `secret paths: ${configs[0].secretInputs}`);
        assert.deepEqual(engine.inputsOf("excel-builder-builder").domainJoinInfo, { directoryName: "corp.example.com", organizationalUnitDistinguishedName: JOIN.organizationalUnit });
        assert.deepEqual(engine.inputsOf("excel-fleet-fleet").domainJoinInfo, { directoryName: "corp.example.com", organizationalUnitDistinguishedName: fleetJoin.organizationalUnit });
        for (const instance of ["excel-builder-builder", "excel-fleet-fleet"]) {
            assert.ok(engine.get(instance).dependencies.includes(configs[0].urn), `${instance} waits for the DirectoryConfig`);
        }
    });

    it("is refused without the caller's security groups, with the reason", () => {
        assert.equal(
            errorOf(() => new appstream.StreamingEnvironment("e", { network: NETWORK, fleet: { ...FLEET, domainJoin: JOIN }, users: { saml: { providerArn: "arn:aws:iam::123456789012:saml-provider/idp" } } })),
            [
                "aws-euc:appstream:StreamingEnvironment 'e' has invalid arguments:",
                "  - network.securityGroupIds: is required with `fleet.domainJoin`: the created group only allows HTTPS out, and joining the domain needs Kerberos, LDAP, SMB and RPC to your domain controllers",
            ].join("\n"),
        );
    });

    it("is refused with two service accounts for one directory", () => {
        assert.match(
            errorOf(() => new appstream.StreamingEnvironment("e", { network: JOINED_NETWORK, imageBuilder: { ...BUILDER, domainJoin: JOIN }, fleet: { ...FLEET, domainJoin: { ...JOIN, serviceAccount: { name: "CORP\\other", password: "pw" } } } })),
            /- fleet\.domainJoin\.serviceAccount: 'CORP\\other' differs from the builder's 'CORP\\svc-appstream': AppStream keeps one DirectoryConfig \(one service account\) per directory; give the account once$/,
        );
    });
});

describe("appstream.StreamingEnvironment validates everything before registering anything", () => {
    it("reports every bad argument of every part, paths as written, with zero registrations", async () => {
        const engine = startEngine();
        let message = "";
        try {
            new appstream.StreamingEnvironment("e", {
                network: { ...NETWORK, dnsServers: ["0.0.0.0/0"] },
                privateStreamingEndpoint: { clientCidrBlocks: [] },
                imageBuilder: { instanceType: "stream.standard.2xlarge", image: { latestMatching: "^AppStream-WinServer2022-" } },
                fleet: { ...FLEET, instanceType: "stream.graphics-pro.4xlarge", capacity: { desiredInstances: 0 } },
                stack: { embedHostDomains: ["*.example.com"], feedbackUrl: `https://example.com/${"f".repeat(90)}` },
                users: { users: [{ email: "helene@example.com", firstName: "Hélène", lastName: "O'Brien" }] },
                monitoring: { capacityUtilizationPercent: 0 },
            });
        } catch (err) {
            message = (err as Error).message;
        }
        await engine.settle();
        assert.deepEqual(engine.resources, []);
        assert.equal(
            message,
            [
                "aws-euc:appstream:StreamingEnvironment 'e' has invalid arguments:",
                "  - network.dnsServers[0]: '0.0.0.0/0' must be the CIDR block of your DNS servers, e.g. '10.0.0.10/32' (not 0.0.0.0/0: the VPC resolver needs no rule)",
                "  - privateStreamingEndpoint.clientCidrBlocks: list the networks users stream from, e.g. ['10.0.0.0/8']",
                "  - imageBuilder.instanceType: 'stream.standard.2xlarge' is not offered for image builders (CreateImageBuilder takes stream.standard.small, medium and large only of the standard family); build on 'stream.standard.large' or 'stream.compute.large'; the fleet may still use 'stream.standard.2xlarge'",
                "  - fleet.instanceType: 'stream.graphics-pro.4xlarge' is of the retired stream.graphics-pro family (Graphics Pro ended 2025-10-31); use a stream.graphics.g4dn, g5, g6 or gr6 type",
                "  - fleet.capacity.desiredInstances: 0 is out of range; use an integer from 1 to 10000",
                "  - fleet.capacity: desired capacity 0 is outside the scaling bounds [1, 5]",
                "  - stack.embedHostDomains[0]: '*.example.com' is not a lower-case domain name of up to 128 characters such as 'portal.example.com' (AppStream takes no wildcards)",
                `  - stack.feedbackUrl: 'https://example.com/${"f".repeat(90)}' must be an https:// URL of up to 100 characters`,
                "  - users.users[0].firstName: 'Hélène' is not accepted by AppStream: 1–2048 ASCII letters, digits, '_', '-' and spaces only; write it 'Helene'",
                "  - users.users[0].lastName: 'O'Brien' is not accepted by AppStream: 1–2048 ASCII letters, digits, '_', '-' and spaces only; write it 'OBrien'",
                "  - monitoring.capacityUtilizationPercent: 0 is out of range; use an integer from 1 to 100 percent",
            ].join("\n"),
        );
    });
});
