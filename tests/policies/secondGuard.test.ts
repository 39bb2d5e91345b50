import * as assert from "node:assert/strict";
import { appstream, cloudfront, workspaces } from "../../components";
import type { MockEngine, RecordedResource } from "../../engine";
import { analyzedResources } from "../../plan/policyReport";
import { MINIMAL, startEngine } from "../cloudfront/fixtures";
import { Finding, Pack, resource } from "./pack";

const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const BUCKET = "aws:s3/bucket:Bucket";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const ROLE = "aws:iam/role:Role";
const KEY = "aws:kms/key:Key";
const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const WORKSPACE = "aws:workspaces/workspace:Workspace";
const DIRECTORY = "aws:directoryservice/directory:Directory";

const DIST_ARN = "arn:aws:cloudfront::123456789012:distribution/E1ABCDEF234567";
const GLOBAL_ACL = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1111";
const REGIONAL_ACL = "arn:aws:wafv2:eu-west-3:123456789012:regional/webacl/alb/2222";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

const oacRead = (condition?: object) => ({
    Sid: "CloudFrontReads",
    Effect: "Allow",
    Principal: { Service: "cloudfront.amazonaws.com" },
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::site/*",
    ...(condition ? { Condition: condition } : {}),
});
const samlTrust = (condition?: object) =>
    doc({ Effect: "Allow", Principal: { Federated: "arn:aws:iam::123456789012:saml-provider/Okta" }, Action: "sts:AssumeRoleWithSAML", ...(condition ? { Condition: condition } : {}) });
const AUD = { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } };
const stream = (resource: string, condition?: object) => doc({ Effect: "Allow", Action: "appstream:Stream", Resource: resource, ...(condition ? { Condition: condition } : {}) });
const USER_ID = { StringEquals: { "appstream:userId": "${saml:sub}" } };
const ROOT = { Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const use = (condition: object) => ({ Sid: "Use", Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*", Condition: condition });
const VIA = { "kms:ViaService": "workspaces.eu-west-3.amazonaws.com" };
const ACCOUNT = { "kms:CallerAccount": "123456789012" };

/** The pack as a team that requires `protect` runs it (those checks are off by default: retainOnDelete is invisible to policies). */
async function packRequiringProtect(): Promise<Pack> {
    const pack = await Pack.start();
    await pack.configure({ "kms-protected": "advisory", "workspaces-protected": "advisory", "directoryservice-protected": "advisory", "s3-log-bucket-retained": { requireProtect: true } });
    return pack;
}

describe("second guard: each new policy on raw resources", function () {
    let pack: Pack;
    before(async () => (pack = await packRequiringProtect()));
    after(() => pack.stop());

    it("s3-cloudfront-source-condition: the CloudFront service principal needs AWS:SourceArn or AWS:SourceAccount", async () => {
        const check = (...statements: object[]) => pack.check(BUCKET_POLICY, { bucket: "site", policy: doc(...statements) }, "s3-cloudfront-source-condition");
        assert.deepEqual(await check(oacRead({ StringEquals: { "AWS:SourceArn": DIST_ARN } })), []);
        assert.deepEqual(await check(oacRead({ StringEquals: { "aws:sourceaccount": "123456789012" } })), []);
        assert.deepEqual(await check({ ...oacRead(), Effect: "Deny" }), []);
        assert.deepEqual(await check(oacRead(), { ...oacRead({ StringLike: { "AWS:SourceArn": "*" } }), Sid: undefined }), [
            ["s3-cloudfront-source-condition", "mandatory", "statement 'CloudFrontReads' lets cloudfront.amazonaws.com in without an AWS:SourceArn or AWS:SourceAccount condition (the confused-deputy case)"],
            ["s3-cloudfront-source-condition", "mandatory", "statement 2 lets cloudfront.amazonaws.com in without an AWS:SourceArn or AWS:SourceAccount condition (the confused-deputy case)"],
        ]);
    });

    it("s3-cloudfront-source-distribution: the named distribution is in the stack and reads that bucket", async () => {
        const distribution = resource(DISTRIBUTION, { arn: DIST_ARN, origins: [{ originId: "site", domainName: "site.s3.eu-west-3.amazonaws.com" }] }, "cdn");
        const policyOf = (bucket: string, arn: string) => resource(BUCKET_POLICY, { bucket, policy: doc(oacRead({ StringEquals: { "AWS:SourceArn": arn } })) }, `${bucket}-policy`);
        assert.deepEqual(await pack.checkStack([distribution, policyOf("site", DIST_ARN)], "s3-cloudfront-source-distribution"), []);
        const other = "arn:aws:cloudfront::123456789012:distribution/E9OTHER0000000";
        assert.deepEqual(await pack.checkStack([distribution, policyOf("site", other), policyOf("media", DIST_ARN)], "s3-cloudfront-source-distribution"), [
            ["s3-cloudfront-source-distribution", "advisory", `bucket policy 'site-policy' (statement 'CloudFrontReads') lets distribution ${other} in, which is no distribution of this stack`],
            ["s3-cloudfront-source-distribution", "advisory", `bucket policy 'media-policy' (statement 'CloudFrontReads') lets distribution ${DIST_ARN} read bucket 'media', which is none of its origins`],
        ]);
    });

    it("s3-log-bucket-retained: a bucket receiving CloudFront logs is protected and not force-destroyable", async () => {
        const distribution = resource(DISTRIBUTION, { loggingConfig: { bucket: "logs-1.s3.amazonaws.com" } }, "cdn");
        const bucket = (props: Record<string, unknown>, protect: boolean) => ({ ...resource(BUCKET, { bucket: "logs-1", ...props }, "logs"), protect });
        const unrelated = { ...resource(BUCKET, { bucket: "other", forceDestroy: true }, "other"), protect: false };
        assert.deepEqual(await pack.checkStack([distribution, bucket({}, true), unrelated], "s3-log-bucket-retained"), []);
        assert.deepEqual(await pack.checkStack([distribution, bucket({ forceDestroy: true }, false)], "s3-log-bucket-retained"), [
            ["s3-log-bucket-retained", "advisory", "log bucket 'logs-1' has forceDestroy: a destroy deletes every log in it"],
            ["s3-log-bucket-retained", "advisory", "log bucket 'logs-1' is not protected"],
        ]);
    });

    it("iam-saml-audience: a SAML trust requires SAML:aud", async () => {
        const check = (assumeRolePolicy: string) => pack.check(ROLE, { assumeRolePolicy }, "iam-saml-audience");
        assert.deepEqual(await check(samlTrust(AUD)), []);
        assert.deepEqual(await check(doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" })), []);
        assert.deepEqual(await check(samlTrust({ StringEquals: { "SAML:sub_type": "persistent" } })), [
            ["iam-saml-audience", "mandatory", "statement 1 of the trust policy lets a SAML provider assume the role without a SAML:aud condition"],
        ]);
    });

    it("iam-appstream-stream-scope: a SAML role streams one named stack as the signed-in user", async () => {
        const STACK_ARN = "arn:aws:appstream:eu-west-3:123456789012:stack/Office";
        const check = (policy: string, assumeRolePolicy = samlTrust(AUD)) => pack.check(ROLE, { assumeRolePolicy, inlinePolicies: [{ name: "stream", policy }] }, "iam-appstream-stream-scope");
        assert.deepEqual(await check(stream(STACK_ARN, USER_ID)), []);
        // Not a SAML-federated role (an operator's): not this policy's business.
        assert.deepEqual(await check(stream("*"), doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" })), []);
        assert.deepEqual(await check(stream("arn:aws:appstream:eu-west-3:123456789012:stack/*")), [
            ["iam-appstream-stream-scope", "mandatory", "statement 1 of inline policy 'stream' allows appstream:Stream on arn:aws:appstream:eu-west-3:123456789012:stack/*; name the stack's ARN"],
            ["iam-appstream-stream-scope", "mandatory", "statement 1 of inline policy 'stream' allows appstream:Stream without an appstream:userId condition"],
        ]);
        assert.deepEqual(await check(doc({ Effect: "Allow", Action: "appstream:*", Resource: "*", Condition: USER_ID })), [
            ["iam-appstream-stream-scope", "mandatory", "statement 1 of inline policy 'stream' allows appstream:Stream on *; name the stack's ARN"],
        ]);
    });

    it("kms-service-scoped-use: a service-scoped key limits every grant of use by service and account", async () => {
        const check = (...statements: object[]) => pack.check(KEY, { policy: doc(...statements) }, "kms-service-scoped-use");
        assert.deepEqual(await check(ROOT, use({ StringEquals: { ...VIA, ...ACCOUNT } })), []);
        // No statement scopes by service: the key is not meant to be service-scoped (kms-no-public-principal judges it).
        assert.deepEqual(await check(ROOT, use({ StringEquals: ACCOUNT })), []);
        assert.deepEqual(await check(ROOT, use({ StringEquals: VIA }), { ...use({ StringEquals: { ...VIA, ...ACCOUNT } }), Sid: "Grants" }, { ...use({ StringEquals: ACCOUNT }), Sid: "Admin", Principal: { AWS: "arn:aws:iam::123456789012:role/admin" } }), [
            ["kms-service-scoped-use", "mandatory", "statement 'Use' lets * use the key (kms:Decrypt, kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext) without kms:CallerAccount"],
            ["kms-service-scoped-use", "mandatory", "statement 'Admin' lets arn:aws:iam::123456789012:role/admin use the key (kms:Decrypt, kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext) without kms:ViaService"],
        ]);
    });

    it("waf-cloudfront-scope-region: a CLOUDFRONT web ACL lives in us-east-1", async () => {
        const check = (props: Record<string, unknown>) => pack.check(WEB_ACL, { scope: "CLOUDFRONT", ...props }, "waf-cloudfront-scope-region");
        assert.deepEqual(await check({ region: "us-east-1" }), []);
        assert.deepEqual(await check({ region: "eu-west-3", scope: "REGIONAL" }), []);
        assert.deepEqual(await check({ region: "eu-west-3" }), [["waf-cloudfront-scope-region", "mandatory", "the web ACL has scope CLOUDFRONT in eu-west-3; CloudFront web ACLs exist only in us-east-1"]]);
        assert.deepEqual(await check({ arn: "arn:aws:wafv2:eu-west-1:123456789012:global/webacl/x/1" }), [
            ["waf-cloudfront-scope-region", "mandatory", "the web ACL has scope CLOUDFRONT in eu-west-1; CloudFront web ACLs exist only in us-east-1"],
        ]);
    });

    it("waf-distribution-global-acl: a distribution's web ACL is a global one", async () => {
        const check = (webAclId: string) => pack.check(DISTRIBUTION, { webAclId }, "waf-distribution-global-acl");
        assert.deepEqual(await check(GLOBAL_ACL), []);
        assert.deepEqual(await check(""), []);
        assert.deepEqual(await check(REGIONAL_ACL), [
            ["waf-distribution-global-acl", "mandatory", `webAclId ${REGIONAL_ACL} is a regional web ACL in eu-west-3; CloudFront takes only scope CLOUDFRONT web ACLs (global, us-east-1)`],
        ]);
    });

    for (const [policy, type] of [
        ["kms-protected", KEY],
        ["workspaces-protected", WORKSPACE],
        ["directoryservice-protected", DIRECTORY],
    ]) {
        it(`${policy}: judged on the protect option, the one the analyzer carries`, async () => {
            assert.deepEqual((await pack.server.analyze({ ...resource(type, {}), protect: true })).filter((v) => v.policyName === policy), []);
            const [finding] = (await pack.server.analyze({ ...resource(type, {}), protect: false })).filter((v) => v.policyName === policy);
            assert.equal(finding.level, "advisory");
            assert.match(finding.message, /^'r' is not protected: .+ \(retainOnDelete, if set, is invisible to policies: set protect, or disable this policy where you rely on retainOnDelete\)$/);
        });
    }
});

/** Every finding of `policy` on what the engine recorded: each resource through Analyze, the stack through AnalyzeStack. */
async function findings(pack: Pack, engine: MockEngine, policy: string): Promise<Finding[]> {
    const resources = analyzedResources(engine.resources);
    const all = [];
    for (const r of resources) {
        all.push(...(await pack.server.analyze(r)));
    }
    all.push(...(await pack.server.analyzeStack(resources)));
    return all.filter((v) => v.policyName === policy).map((v) => [v.policyName, v.level, v.message]);
}

/** The recorded resource of `type` whose name is `name`. */
function recorded(engine: MockEngine, type: string, name: string): RecordedResource {
    const found = engine.resources.find((r) => r.type === type && r.name === name);
    assert.ok(found, `no ${type} '${name}' was registered`);
    return found;
}

/** Parses, changes and writes back a JSON policy document held in `inputs[key]`. */
function editDocument(inputs: Record<string, any>, key: string, edit: (document: { Statement: Record<string, any>[] }) => void): void {
    const document = JSON.parse(inputs[key]);
    edit(document);
    inputs[key] = JSON.stringify(document);
}

describe("second guard: a fault injected into a component's output is reported", function () {
    let pack: Pack;
    before(async () => (pack = await packRequiringProtect()));
    after(() => pack.stop());

    async function distribution(): Promise<MockEngine> {
        const engine = startEngine();
        new cloudfront.Distribution("cdn", MINIMAL);
        await engine.settle();
        return engine;
    }

    it("the origin's bucket policy without its AWS:SourceArn condition", async () => {
        const engine = await distribution();
        assert.deepEqual(await findings(pack, engine, "s3-cloudfront-source-condition"), []);
        editDocument(recorded(engine, BUCKET_POLICY, "cdn-site-bucket-policy").inputs, "policy", (d) => delete d.Statement[0].Condition);
        assert.deepEqual(await findings(pack, engine, "s3-cloudfront-source-condition"), [
            ["s3-cloudfront-source-condition", "mandatory", "statement 'AllowCloudFrontServicePrincipalReadOnly' lets cloudfront.amazonaws.com in without an AWS:SourceArn or AWS:SourceAccount condition (the confused-deputy case)"],
        ]);
    });

    it("the origin's bucket policy naming another distribution", async () => {
        const engine = await distribution();
        assert.deepEqual(await findings(pack, engine, "s3-cloudfront-source-distribution"), []);
        const other = "arn:aws:cloudfront::123456789012:distribution/E9OTHER0000000";
        editDocument(recorded(engine, BUCKET_POLICY, "cdn-site-bucket-policy").inputs, "policy", (d) => (d.Statement[0].Condition.StringEquals["AWS:SourceArn"] = other));
        assert.deepEqual(await findings(pack, engine, "s3-cloudfront-source-distribution"), [
            ["s3-cloudfront-source-distribution", "advisory", `bucket policy 'cdn-site-bucket-policy' (statement 'AllowCloudFrontServicePrincipalReadOnly') lets distribution ${other} in, which is no distribution of this stack`],
        ]);
    });

    it("the log bucket made force-destroyable (it is retained, not protected, by default)", async () => {
        const engine = await distribution();
        const bucket = recorded(engine, BUCKET, "cdn-logs");
        const name = bucket.state.bucket;
        assert.deepEqual(await findings(pack, engine, "s3-log-bucket-retained"), [["s3-log-bucket-retained", "advisory", `log bucket '${name}' is not protected`]]);
        bucket.inputs.forceDestroy = true;
        bucket.options.protect = true;
        assert.deepEqual(await findings(pack, engine, "s3-log-bucket-retained"), [["s3-log-bucket-retained", "advisory", `log bucket '${name}' has forceDestroy: a destroy deletes every log in it`]]);
    });

    it("the web ACL moved out of us-east-1, and a regional web ACL on the distribution", async () => {
        const engine = await distribution();
        assert.deepEqual(await findings(pack, engine, "waf-cloudfront-scope-region"), []);
        assert.deepEqual(await findings(pack, engine, "waf-distribution-global-acl"), []);
        recorded(engine, WEB_ACL, "cdn-waf").inputs.region = "eu-west-3";
        recorded(engine, DISTRIBUTION, "cdn-distribution").inputs.webAclId = REGIONAL_ACL;
        assert.deepEqual(await findings(pack, engine, "waf-cloudfront-scope-region"), [
            ["waf-cloudfront-scope-region", "mandatory", "the web ACL has scope CLOUDFRONT in eu-west-3; CloudFront web ACLs exist only in us-east-1"],
        ]);
        assert.deepEqual(await findings(pack, engine, "waf-distribution-global-acl"), [
            ["waf-distribution-global-acl", "mandatory", `webAclId ${REGIONAL_ACL} is a regional web ACL in eu-west-3; CloudFront takes only scope CLOUDFRONT web ACLs (global, us-east-1)`],
        ]);
    });

    async function samlUsers(): Promise<MockEngine> {
        const engine = startEngine();
        const fleet = new appstream.Fleet("fleet", { instanceType: "stream.standard.small", image: { name: "App" }, capacity: { desiredInstances: 1 }, network: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] } });
        const stack = new appstream.Stack("stack", { fleet });
        new appstream.Users("users", { stack: stack.stack, saml: { providerArn: "arn:aws:iam::123456789012:saml-provider/Okta" } });
        await engine.settle();
        return engine;
    }

    it("the SAML role's trust without SAML:aud", async () => {
        const engine = await samlUsers();
        assert.deepEqual(await findings(pack, engine, "iam-saml-audience"), []);
        editDocument(recorded(engine, ROLE, "users-saml-role").inputs, "assumeRolePolicy", (d) => delete d.Statement[0].Condition.StringEquals["SAML:aud"]);
        assert.deepEqual(await findings(pack, engine, "iam-saml-audience"), [
            ["iam-saml-audience", "mandatory", "statement 1 of the trust policy lets a SAML provider assume the role without a SAML:aud condition"],
        ]);
    });

    it("the SAML role streaming every stack as anyone", async () => {
        const engine = await samlUsers();
        assert.deepEqual(await findings(pack, engine, "iam-appstream-stream-scope"), []);
        const [inline] = recorded(engine, ROLE, "users-saml-role").inputs.inlinePolicies;
        editDocument(inline, "policy", (d) => {
            d.Statement[0].Resource = "*";
            delete d.Statement[0].Condition;
        });
        assert.deepEqual(await findings(pack, engine, "iam-appstream-stream-scope"), [
            ["iam-appstream-stream-scope", "mandatory", "statement 1 of inline policy 'stream-this-stack' allows appstream:Stream on *; name the stack's ARN"],
            ["iam-appstream-stream-scope", "mandatory", "statement 1 of inline policy 'stream-this-stack' allows appstream:Stream without an appstream:userId condition"],
        ]);
    });

    it("the WorkSpaces key usable through any service", async () => {
        const engine = startEngine();
        new workspaces.EncryptionKey("key");
        await engine.settle();
        assert.deepEqual(await findings(pack, engine, "kms-service-scoped-use"), []);
        editDocument(recorded(engine, KEY, "key-key").inputs, "policy", (d) => delete d.Statement[1].Condition.StringEquals["kms:ViaService"]);
        assert.deepEqual(await findings(pack, engine, "kms-service-scoped-use"), [
            [
                "kms-service-scoped-use",
                "mandatory",
                "statement 'UseThroughWorkSpacesAndEbs' lets * use the key (kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext) without kms:ViaService",
            ],
        ]);
        // kms-no-public-principal does not see it: the statement still has a condition.
        assert.deepEqual(await findings(pack, engine, "kms-no-public-principal"), []);
    });

    it("protected workspaces losing their protection", async () => {
        const engine = startEngine();
        new workspaces.Workspaces("desks", { directoryId: "d-1234567890", encryptionKeyArn: "arn:aws:kms:eu-west-3:123456789012:key/1", defaults: { bundle: { id: "wsb-93xk71ss4" } }, users: [{ userName: "ana" }], protect: true });
        await engine.settle();
        assert.deepEqual(await findings(pack, engine, "workspaces-protected"), []);
        const [workspace] = engine.resources.filter((r) => r.type === WORKSPACE);
        workspace.options.protect = false;
        const found = await findings(pack, engine, "workspaces-protected");
        assert.deepEqual(
            found.map(([policy, level, message]) => [policy, level, message.split(":")[0]]),
            [["workspaces-protected", "advisory", `'${workspace.name}' is not protected`]],
        );
    });
});
