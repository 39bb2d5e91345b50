import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { appstream } from "../../components";
import { unwrap } from "../engine";
import { NETWORK, plan, SUBNETS, VPC_ID } from "./fixtures";

const ARGS: appstream.ImageBuilderArgs = { instanceType: "stream.standard.medium", image: { latestMatching: "^AppStream-WinServer2022-" }, network: NETWORK };

describe("appstream.ImageBuilder", () => {
    it("runs the latest matching AWS base image, found with one lookup, in the first subnet without internet", async () => {
        const { engine, built } = await plan(() => new appstream.ImageBuilder("excel", ARGS));
        assert.deepEqual(engine.invokesOf("aws:appstream/getImage:getImage").map((i) => i.args), [{ nameRegex: "^AppStream-WinServer2022-", type: "PUBLIC", mostRecent: true }]);
        const builder = engine.get("excel-builder", "aws:appstream/imageBuilder:ImageBuilder");
        assert.equal(builder.parent, engine.get("excel", appstream.IMAGE_BUILDER_TYPE).urn);
        assert.equal(builder.inputs.imageArn, "arn:aws:appstream:eu-west-3::image/AppStream-WinServer2022-10-08-2025");
        assert.equal(builder.inputs.imageName, undefined);
        assert.equal(builder.inputs.instanceType, "stream.standard.medium");
        assert.equal(builder.inputs.enableDefaultInternetAccess, false);
        assert.equal(builder.inputs.appstreamAgentVersion, "LATEST");
        assert.deepEqual(builder.inputs.vpcConfig, { subnetIds: [SUBNETS[0]], securityGroupIds: [engine.get("excel-sg").id] });
        assert.equal(await unwrap(built.arn), builder.state.arn);
    });

    it("creates a security group with no inbound rule and egress limited to HTTPS (the VPC resolver needs no rule)", async () => {
        const { engine } = await plan(() => new appstream.ImageBuilder("excel", ARGS));
        const sg = engine.get("excel-sg", "aws:ec2/securityGroup:SecurityGroup");
        assert.equal(sg.inputs.vpcId, VPC_ID);
        assert.deepEqual(sg.inputs.ingress, []);
        assert.deepEqual(
            sg.inputs.egress.map((e: any) => [e.protocol, e.fromPort, e.toPort, e.cidrBlocks]),
            [["tcp", 443, 443, ["0.0.0.0/0"]]],
        );
    });

    it("opens HTTP and DNS to your own servers only when asked", async () => {
        const { engine } = await plan(() => new appstream.ImageBuilder("excel", { ...ARGS, network: { ...ARGS.network, allowHttp: true, dnsServers: ["10.0.0.10/32"] } }));
        assert.deepEqual(
            engine.get("excel-sg").inputs.egress.map((e: any) => [e.protocol, e.fromPort, e.toPort, e.cidrBlocks]),
            [["tcp", 443, 443, ["0.0.0.0/0"]], ["tcp", 80, 80, ["0.0.0.0/0"]], ["udp", 53, 53, ["10.0.0.10/32"]], ["tcp", 53, 53, ["10.0.0.10/32"]]],
        );
    });

    it("uses given security groups, an image by name and an IAM role", async () => {
        const { engine } = await plan(
            () => new appstream.ImageBuilder("excel", { ...ARGS, image: { name: "ExcelApp-2025-11-01" }, network: { subnetIds: SUBNETS, securityGroupIds: ["sg-0123abcd"] }, iamRoleArn: "arn:aws:iam::123456789012:role/builder" }),
        );
        assert.deepEqual(engine.ofType("aws:ec2/securityGroup:SecurityGroup"), []);
        assert.deepEqual(engine.invokesOf("aws:appstream/getImage:getImage"), []);
        const inputs = engine.inputsOf("excel-builder");
        assert.equal(inputs.imageName, "ExcelApp-2025-11-01");
        assert.deepEqual(inputs.vpcConfig.securityGroupIds, ["sg-0123abcd"]);
        assert.equal(inputs.iamRoleArn, "arn:aws:iam::123456789012:role/builder");
    });

    it("streams through an interface VPC endpoint that admits the streaming ports from the clients' networks only", async () => {
        const { engine } = await plan(() => new appstream.ImageBuilder("excel", { ...ARGS, privateStreamingEndpoint: { clientCidrBlocks: ["10.20.0.0/16"] } }));
        const endpoint = engine.get("excel-streaming-endpoint", "aws:ec2/vpcEndpoint:VpcEndpoint");
        const group = engine.get("excel-streaming-endpoint-sg", "aws:ec2/securityGroup:SecurityGroup");
        assert.deepEqual(
            [endpoint.inputs.vpcEndpointType, endpoint.inputs.serviceName, endpoint.inputs.subnetIds, endpoint.inputs.privateDnsEnabled, endpoint.inputs.securityGroupIds],
            ["Interface", "com.amazonaws.eu-west-3.appstream.streaming", SUBNETS, true, [group.id]],
        );
        assert.deepEqual(group.inputs.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.cidrBlocks]), [
            ["tcp", 443, 443, ["10.20.0.0/16"]],
            ["tcp", 1400, 1499, ["10.20.0.0/16"]],
        ]);
        assert.deepEqual(engine.inputsOf("excel-builder").accessEndpoints, [{ endpointType: "STREAMING", vpceId: endpoint.id }]);
        assert.equal(engine.invokesOf("aws:index/getRegion:getRegion").length, 1, "the region is looked up once");
    });

    it("joins a domain through a DirectoryConfig whose service-account password is a secret", async () => {
        const { engine } = await plan(
            () =>
                new appstream.ImageBuilder("excel", {
                    ...ARGS,
                    network: { ...NETWORK, securityGroupIds: ["sg-0dc0dc00"] },
                    domainJoin: {
                        directoryName: "corp.example.com",
                        organizationalUnit: "OU=AppStream,DC=corp,DC=example,DC=com",
                        serviceAccount: { name: "CORP\\appstream-join", password: pulumi.secret("S3cret!pass") },
                    },
                }),
        );
        const config = engine.get("excel-directory-config", "aws:appstream/directoryConfig:DirectoryConfig");
        assert.deepEqual(config.inputs.organizationalUnitDistinguishedNames, ["OU=AppStream,DC=corp,DC=example,DC=com"]);
        assert.ok(config.secretInputs.some((p) => p.startsWith("serviceAccountCredentials")), `secret paths: ${config.secretInputs}`);
        assert.equal(config.inputs.serviceAccountCredentials.accountPassword, "S3cret!pass");
        assert.deepEqual(config.options.additionalSecretOutputs, ["serviceAccountCredentials"]);
        const builder = engine.get("excel-builder");
        assert.deepEqual(builder.inputs.domainJoinInfo, { directoryName: "corp.example.com", organizationalUnitDistinguishedName: "OU=AppStream,DC=corp,DC=example,DC=com" });
        assert.ok(builder.dependencies.includes(config.urn));
    });

    it("a plain password is made secret too", async () => {
        const { engine } = await plan(
            () => new appstream.ImageBuilder("excel", { ...ARGS, network: { ...NETWORK, securityGroupIds: ["sg-0dc0dc00"] }, domainJoin: { directoryName: "corp.example.com", organizationalUnit: "OU=A,DC=corp", serviceAccount: { name: "CORP\\j", password: "plain" } } }),
        );
        assert.ok(engine.get("excel-directory-config").secretInputs.length > 0);
    });

    it("outputs the console link and the commands of the manual image step", async () => {
        const { engine, built } = await plan(() => new appstream.ImageBuilder("excel", ARGS));
        const builderName = engine.get("excel-builder").state.name;
        const steps = await unwrap(built.steps);
        assert.equal(steps.consoleUrl, "https://eu-west-3.console.aws.amazon.com/appstream2/home?region=eu-west-3#/images");
        assert.equal(steps.connectCommand, `aws appstream create-image-builder-streaming-url --name ${builderName} --region eu-west-3`);
        assert.match(steps.createImageCommand, /image-assistant\.exe" create-image --name <image-name>/);
        assert.equal(steps.updateImageCommand, "aws appstream create-updated-image --existing-image-name <image-name> --new-image-name <new-image-name> --region eu-west-3");
    });
});
