import * as assert from "node:assert/strict";
import { appstream, cloudfront, workspaces } from "../../components";
import { MINIMAL, startEngine } from "../cloudfront/fixtures";
import { Pack } from "./pack";

/** Builds a component on the mock engine and returns every mandatory finding of the pack. */
async function mandatoryFindings(pack: Pack, build: () => void): Promise<string[]> {
    const engine = startEngine();
    build();
    await engine.settle();
    return pack.mandatoryFindings(engine.resources);
}

describe("secure by default: components with minimal arguments pass every mandatory policy", function () {
    let pack: Pack;
    before(async () => (pack = await Pack.start()));
    after(() => pack.stop());

    it("cloudfront.Distribution with one S3 origin", async () => {
        assert.deepEqual(await mandatoryFindings(pack, () => new cloudfront.Distribution("cdn", MINIMAL)), []);
    });

    it("cloudfront.Distribution with aliases in a hosted zone (certificate and DNS records)", async () => {
        const args = { ...MINIMAL, aliases: ["example.com", "*.example.com"], hostedZone: { name: "example.com" } };
        assert.deepEqual(await mandatoryFindings(pack, () => new cloudfront.Distribution("cdn", args)), []);
    });

    it("cloudfront.Distribution with a custom origin and the media preset", async () => {
        const args = { origins: { media: { http: { domainName: "media.example.net" } } }, mediaStreaming: { origin: "media" } };
        assert.deepEqual(await mandatoryFindings(pack, () => new cloudfront.Distribution("cdn", args)), []);
    });

    it("appstream.StreamingEnvironment with a network and a fleet, and each part alone", async () => {
        const network = { vpcId: "vpc-00000001", subnetIds: ["subnet-0000000a", "subnet-0000000b"] };
        const fleet = { instanceType: "stream.standard.small", image: { name: "App" }, capacity: { desiredInstances: 1 } };
        assert.deepEqual(await mandatoryFindings(pack, () => new appstream.StreamingEnvironment("env", { network, fleet })), []);
        assert.deepEqual(
            await mandatoryFindings(pack, () => {
                new appstream.ImageBuilder("builder", { instanceType: "stream.standard.small", image: { name: "AppStream-WinServer2022-10-08-2025" }, network });
                const f = new appstream.Fleet("fleet", { ...fleet, network });
                new appstream.Stack("stack", { fleet: f });
            }),
            [],
        );
    });

    it("appstream.Users with SAML federation (the federated role and its stream policy)", async () => {
        const network = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] };
        const fleet = { instanceType: "stream.standard.small", image: { name: "App" }, capacity: { desiredInstances: 1 } };
        assert.deepEqual(
            await mandatoryFindings(pack, () => {
                const stack = new appstream.Stack("stack", { fleet: new appstream.Fleet("fleet", { ...fleet, network }) });
                new appstream.Users("users", { stack: stack.stack, saml: { providerArn: "arn:aws:iam::123456789012:saml-provider/Okta" } });
            }),
            [],
        );
    });

    it("workspaces.DesktopEnvironment with a directory, a bundle and users, and each part alone", async () => {
        const network = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] };
        // A fresh account: the directory's registration needs workspaces_DefaultRole created.
        const directory = { network, directory: { type: "SimpleAD" as const, name: "corp.example.com" }, defaultRole: "create" as const };
        const desktops = { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } };
        assert.deepEqual(await mandatoryFindings(pack, () => new workspaces.DesktopEnvironment("office", { directory, desktops, users: [{ userName: "ana" }] })), []);
        assert.deepEqual(
            await mandatoryFindings(pack, () => {
                const key = new workspaces.EncryptionKey("key");
                const registered = new workspaces.Directory("dir", directory);
                new workspaces.Workspaces("desks", { directoryId: registered.registration.directoryId, encryptionKeyArn: key.arn, defaults: desktops, users: [{ userName: "ana" }] });
            }),
            [],
        );
    });

    it("the explicit opt-outs are caught by the pack", async () => {
        const args: cloudfront.DistributionArgs = { ...MINIMAL, waf: false, logging: false, securityHeaders: false, defaultBehavior: { viewerProtocolPolicy: "allow-all" } };
        assert.deepEqual((await mandatoryFindings(pack, () => new cloudfront.Distribution("cdn", args))).sort(), [
            "cloudfront-access-logging: standard logging is off (loggingConfig.bucket is empty)",
            "cloudfront-response-headers-policy: the default behavior has no response headers policy",
            "cloudfront-viewer-https: the default behavior allows plain HTTP (viewerProtocolPolicy 'allow-all'); use 'redirect-to-https' or 'https-only'",
            "cloudfront-waf-attached: no web ACL is attached (webAclId is empty)",
        ]);
    });
});
