import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { isKnown, MockEngine, unwrap } from "./index";

describe("mock engine harness", () => {
    it("records type, name, URN, parent, inputs, dependencies and options", async () => {
        const engine = MockEngine.start();
        const parent = new pulumi.ComponentResource("test:index:Parent", "p");
        const key = new aws.kms.Key("key", { description: "k" }, { parent, protect: true, retainOnDelete: true, ignoreChanges: ["description"] });
        new aws.kms.Alias("alias", { targetKeyId: key.keyId, name: "alias/k" }, { parent, dependsOn: [key], customTimeouts: { create: "5m" } });
        await engine.settle();

        const recorded = engine.get("key");
        assert.equal(recorded.type, "aws:kms/key:Key");
        assert.equal(recorded.urn, "urn:pulumi:test::project::test:index:Parent$aws:kms/key:Key::key");
        assert.equal(recorded.parent, engine.get("p").urn);
        assert.deepEqual(recorded.inputs, { description: "k" });
        assert.equal(recorded.options.protect, true);
        assert.equal(recorded.options.retainOnDelete, true);
        assert.deepEqual(recorded.options.ignoreChanges, ["description"]);

        const alias = engine.get("alias");
        assert.deepEqual(alias.dependencies, [recorded.urn]);
        assert.deepEqual(alias.options.customTimeouts, { create: "5m", update: undefined, delete: undefined });
        assert.equal(alias.inputs.targetKeyId, recorded.state.keyId);
        assert.deepEqual(engine.ofType("aws:kms/alias:Alias", "p").map((r) => r.name), ["alias"]);
    });

    it("records aliases as URNs: a renamed child, a moved child, a child moved to the top, and none", async () => {
        const engine = MockEngine.start();
        const parent = new pulumi.ComponentResource("test:index:Parent", "p");
        const other = new pulumi.ComponentResource("test:index:Other", "o");
        new aws.kms.Key("renamed", {}, { parent, aliases: [{ name: "old-name" }] });
        new aws.kms.Key("moved", {}, { parent, aliases: [{ parent: other }, { parent: pulumi.createUrn("o", "test:index:Other") }] });
        new aws.kms.Key("lifted", {}, { parent, aliases: [{ parent: undefined }] });
        new aws.kms.Key("plain", {}, { parent });
        await engine.settle();
        assert.deepEqual(engine.get("renamed").options.aliases, ["urn:pulumi:test::project::test:index:Parent$aws:kms/key:Key::old-name"]);
        assert.deepEqual(engine.get("moved").options.aliases, ["urn:pulumi:test::project::test:index:Other$aws:kms/key:Key::moved"], "one alias, given twice");
        assert.deepEqual(engine.get("lifted").options.aliases, ["urn:pulumi:test::project::aws:kms/key:Key::lifted"], "no root stack outside a stack run");
        assert.equal(engine.get("plain").options.aliases, undefined);
    });

    it("marks secret inputs and keeps their values readable for assertions", async () => {
        const engine = MockEngine.start();
        new aws.ssm.Parameter("param", { type: "SecureString", value: pulumi.secret("hunter2") });
        await engine.settle();
        assert.deepEqual(engine.get("param").secretInputs, ["value"]);
        assert.equal(engine.inputsOf("param").value, "hunter2");
    });

    it("answers realistic, region-aware outputs from its table", async () => {
        const engine = MockEngine.start({ config: { "aws:region": "eu-central-1" } });
        const bucket = new aws.s3.Bucket("logs");
        const cert = new aws.acm.Certificate("cert", {
            region: "us-east-1",
            domainName: "example.com",
            subjectAlternativeNames: ["*.example.com"],
            validationMethod: "DNS",
        });
        await engine.settle();
        assert.match(await unwrap(bucket.bucket), /^logs-[0-9a-f]{7}$/);
        assert.equal(await unwrap(bucket.bucketRegionalDomainName), `${await unwrap(bucket.bucket)}.s3.eu-central-1.amazonaws.com`);
        assert.match(await unwrap(cert.arn), /^arn:aws:acm:us-east-1:123456789012:certificate\/[0-9a-f-]{36}$/);
        const options = await unwrap(cert.domainValidationOptions);
        assert.deepEqual(options.map((o) => o.domainName), ["example.com", "*.example.com"]);
        assert.equal(options[0].resourceRecordName, options[1].resourceRecordName, "apex and wildcard share a record");
    });

    it("leaves outputs it does not answer unknown, as a preview does, and unwrap() says so", async () => {
        const engine = MockEngine.start();
        const param = new aws.ssm.Parameter("p", { type: "String", value: "v" });
        await engine.settle();
        assert.equal(await isKnown(param.version), false);
        await assert.rejects(unwrap(param.version), /the value is unknown until deployment/);
    });

    it("answers awsx:ec2:Vpc with its VPC and subnet ids", async () => {
        const engine = MockEngine.start();
        const vpc = new awsx.ec2.Vpc("net", { numberOfAvailabilityZones: 2 });
        await engine.settle();
        assert.equal(engine.get("net").remote, true);
        assert.match(await unwrap(vpc.vpcId), /^vpc-[0-9a-f]{17}$/);
        const subnets = await unwrap(vpc.privateSubnetIds);
        assert.equal(subnets.length, 2);
        assert.match(subnets[0], /^subnet-[0-9a-f]{17}$/);
    });

    it("checks AWS's rules on what is known: a value known only after deployment is not refused", async () => {
        const engine = MockEngine.start({ config: { "aws:region": "eu-west-3" }, cloud: { roles: ["workspaces_DefaultRole"] } });
        // `version` is not answered by the mock cloud: unknown in a preview, so no directory-id pattern applies.
        const parameter = new aws.ssm.Parameter("p", { type: "String", value: "v" });
        new aws.workspaces.Directory("later", { directoryId: parameter.version.apply((v) => `d-${v}`) });
        await engine.settle();
        const registration = engine.get("later");
        assert.equal(registration.inputs.directoryId, "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "recorded as the engine's unknown");
        // A known malformed id is still refused, naming AWS's error.
        const second = MockEngine.start({ config: { "aws:region": "eu-west-3" }, cloud: { roles: ["workspaces_DefaultRole"] } });
        new aws.workspaces.Directory("bad", { directoryId: "directory-1" });
        await assert.rejects(second.settle(), /AWS would refuse aws:workspaces\/directory:Directory "bad"/);
    });

    it("refuses two resources with one URN, as the engine does", async () => {
        const engine = MockEngine.start();
        new aws.sns.Topic("same");
        new aws.sns.Topic("same");
        await assert.rejects(engine.settle(), /^Error: duplicate resource URN urn:pulumi:test::project::aws:sns\/topic:Topic::same$/);
    });

    it("records invokes, and an unknown invoke fails the call and settle()", async () => {
        const engine = MockEngine.start({ cloud: { zones: { "example.com": "Z123" } } });
        const zone = aws.route53.getZoneOutput({ name: "example.com" });
        assert.equal(await unwrap(zone.zoneId), "Z123");
        assert.deepEqual(engine.invokesOf("aws:route53/getZone:getZone").map((i) => i.args.name), ["example.com"]);
        await assert.rejects(aws.ec2.getVpc({ default: true }), /lookup aws:ec2\/getVpc:getVpc\(\{"default":true\}\): the mock cloud has no answer for it; supply one with --mocks FILE/);
        await assert.rejects(engine.settle(), /lookup aws:ec2\/getVpc:getVpc\(\{"default":true\}\): the mock cloud has no answer for it; supply one with --mocks FILE/);
    });
});
