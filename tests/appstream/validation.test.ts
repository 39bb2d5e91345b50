import * as assert from "node:assert/strict";
import { appstream } from "../../components";
import { errorOf, FLEET_ARGS, NETWORK, SUBNETS } from "./fixtures";

const fleetError = (args: Partial<appstream.FleetArgs>) => errorOf(() => new appstream.Fleet("f", { ...FLEET_ARGS, ...args }));
const lines = (header: string, ...problems: string[]) => `${header}\n${problems.map((p) => `  - ${p}`).join("\n")}`;
const FLEET_HEADER = "aws-euc:appstream:Fleet 'f' has invalid arguments:";

describe("appstream components reject bad input at construction", () => {
    it("an instance type outside AppStream's families", () => {
        assert.match(
            fleetError({ instanceType: "m5.large" }),
            /^aws-euc:appstream:Fleet 'f' has invalid arguments:\n {2}- instanceType: 'm5.large' is not an AppStream instance type; use a stream\.\* type such as 'stream\.standard\.medium', .*\(families: stream\.standard, stream\.compute, .*stream\.graphics\.gr6f\)$/,
        );
    });

    it("a graphics image on a CPU instance type", () => {
        assert.equal(
            fleetError({ image: { name: "AppStream-Graphics-G4dn-WinServer2022-10-08-2025" } }),
            lines(FLEET_HEADER, "instanceType: 'stream.standard.medium' has no GPU but the image 'AppStream-Graphics-G4dn-WinServer2022-10-08-2025' is a graphics image; use a stream.graphics* instance type"),
        );
        assert.doesNotThrow(() => new appstream.Fleet("g", { ...FLEET_ARGS, instanceType: "stream.graphics.g4dn.xlarge", image: { name: "AppStream-Graphics-G4dn-WinServer2022-10-08-2025" } }));
    });

    it("ELASTIC fleets, with the reason", () => {
        assert.equal(
            fleetError({ fleetType: "ELASTIC" }),
            lines(FLEET_HEADER, "fleetType: 'ELASTIC' fleets stream applications from app blocks, which @pulumi/aws does not offer; use 'ON_DEMAND' or 'ALWAYS_ON'"),
        );
    });

    it("timeouts outside the AppStream API's ranges", () => {
        assert.equal(
            fleetError({ maxUserDurationInSeconds: 500_000, disconnectTimeoutInSeconds: 30, idleDisconnectTimeoutInSeconds: 40_000 }),
            lines(
                FLEET_HEADER,
                "maxUserDurationInSeconds: 500000 is out of range; use an integer from 600 to 432000 seconds",
                "disconnectTimeoutInSeconds: 30 is out of range; use an integer from 60 to 36000 seconds",
                "idleDisconnectTimeoutInSeconds: 40000 is out of range; use an integer from 60 to 36000 seconds (or 0 to turn it off)",
            ),
        );
        assert.doesNotThrow(() => new appstream.Fleet("idle-off", { ...FLEET_ARGS, idleDisconnectTimeoutInSeconds: 0 }));
    });

    it("min > max capacity, desired outside [min, max], bad schedules", () => {
        assert.equal(
            fleetError({ capacity: { desiredInstances: 12 }, scaling: { minCapacity: 5, maxCapacity: 3, schedules: [{ name: "x", schedule: "every morning", minCapacity: 4, maxCapacity: 2 }, { name: "x", schedule: "rate(1 hour)" }] } }),
            lines(
                FLEET_HEADER,
                "scaling: minCapacity 5 is greater than maxCapacity 3",
                "capacity: desired capacity 12 is outside the scaling bounds [5, 3]",
                "scaling.schedules[0].schedule: 'every morning' is not a schedule; use cron(m h d M wd y), rate(n units) or at(yyyy-mm-ddThh:mm:ss)",
                "scaling.schedules[0]: minCapacity 4 is greater than maxCapacity 2",
                "scaling.schedules[1].name: 'x' is used twice (or names the same resource as another); schedule names key their resources",
                "scaling.schedules[1]: set `minCapacity`, `maxCapacity` or both",
            ),
        );
        assert.equal(
            fleetError({ capacity: { desiredInstances: 1 }, scaling: { minCapacity: 2, maxCapacity: 4 } }),
            lines(FLEET_HEADER, "capacity: desired capacity 1 is outside the scaling bounds [2, 4]"),
        );
    });

    it("a missing network or VPC, a bad image ARN and a bad domain join", () => {
        assert.equal(
            errorOf(() => new appstream.ImageBuilder("b", { instanceType: "stream.standard.small", image: { arn: "arn:aws:s3:::bucket/image" }, network: { subnetIds: SUBNETS }, domainJoin: { directoryName: "CORP", organizationalUnit: "Computers" } })),
            lines(
                "aws-euc:appstream:ImageBuilder 'b' has invalid arguments:",
                "image.arn: 'arn:aws:s3:::bucket/image' is not an AppStream image ARN (arn:aws:appstream:<region>:<account|aws>:image/<name>)",
                "domainJoin.directoryName: 'CORP' is not a domain name such as 'corp.example.com'",
                "domainJoin.organizationalUnit: 'Computers' is not an OU distinguished name such as 'OU=AppStream,DC=corp,DC=example,DC=com'",
                "network.vpcId: is required to create the security group or a VPC endpoint; pass `vpcId` or `securityGroupIds`",
                "network.securityGroupIds: is required with `domainJoin`: the created group only allows HTTPS out, and joining the domain needs Kerberos, LDAP, SMB and RPC to your domain controllers",
            ),
        );
        assert.equal(
            errorOf(() => new appstream.ImageBuilder("b", { instanceType: "stream.standard.small", image: { name: "x" }, network: NETWORK, privateStreamingEndpoint: { clientCidrBlocks: ["0.0.0.0/0"] } })),
            lines(
                "aws-euc:appstream:ImageBuilder 'b' has invalid arguments:",
                "privateStreamingEndpoint.clientCidrBlocks[0]: '0.0.0.0/0' must be an IPv4 CIDR block narrower than 0.0.0.0/0 (a private endpoint exists to keep streams off the internet)",
            ),
        );
        assert.equal(fleetError({ network: { subnetIds: [] } }), lines(FLEET_HEADER, "network.subnetIds: at least one subnet of your VPC is required: AppStream instances run in your VPC"));
    });

    it("unknown user-setting actions and storage connector types, bad domains and URLs", () => {
        assert.equal(
            errorOf(
                () =>
                    new appstream.Stack("s", {
                        fleet: { name: "f" },
                        userSettings: { clipboard: true } as never,
                        storageConnectors: [{ type: "DROPBOX" as never }, { type: "ONE_DRIVE" }, { type: "HOMEFOLDERS", domains: ["example.com"] }],
                        embedHostDomains: ["https://portal.example.com"],
                        redirectUrl: "http://example.com",
                        streamingProtocol: "QUIC" as never,
                    }),
            ),
            lines(
                "aws-euc:appstream:Stack 's' has invalid arguments:",
                "storageConnectors[0].type: 'DROPBOX' is not a storage connector type; use one of 'HOMEFOLDERS', 'GOOGLE_DRIVE', 'ONE_DRIVE'",
                "storageConnectors[1].domains: ONE_DRIVE needs the domains users sign in with, e.g. ['example.com']",
                "storageConnectors[2].domains: home folders take no domains",
                "userSettings.clipboard: is not a user setting; use one of 'clipboardCopyFromLocal', 'clipboardCopyToLocal', 'fileUpload', 'fileDownload', 'printing', 'domainPasswordSignIn', 'domainSmartCardSignIn', 'autoTimeZoneRedirection'",
                "embedHostDomains[0]: 'https://portal.example.com' is not a lower-case domain name of up to 128 characters such as 'portal.example.com' (AppStream takes no wildcards)",
                "redirectUrl: 'http://example.com' must be an https:// URL of up to 1000 characters",
                "streamingProtocol: 'QUIC' is not allowed; use one of 'UDP', 'TCP'",
            ),
        );
    });

    it("a stack without a fleet", () => {
        assert.equal(
            errorOf(() => new appstream.Stack("s", {} as never)),
            lines("aws-euc:appstream:Stack 's' has invalid arguments:", "fleet: is required: a stack streams from a fleet; pass the Fleet (or { name })"),
        );
        assert.equal(
            errorOf(() => new appstream.StreamingEnvironment("e", { network: NETWORK } as never)),
            lines("aws-euc:appstream:StreamingEnvironment 'e' has invalid arguments:", "fleet: set `imageBuilder` (first deployment: make the image) or `fleet` (stream an image), or both"),
        );
    });

    it("user-pool users on a domain-joined fleet", () => {
        const fleet = { ...FLEET_ARGS, domainJoin: { directoryName: "corp.example.com", organizationalUnit: "OU=A,DC=corp" } };
        assert.equal(
            errorOf(() => new appstream.StreamingEnvironment("e", { network: { ...NETWORK, securityGroupIds: ["sg-00000001"] }, fleet, users: { users: [{ email: "ana@example.com" }] } })),
            lines(
                "aws-euc:appstream:StreamingEnvironment 'e' has invalid arguments:",
                "users.users: user-pool users cannot stream from a domain-joined fleet; use SAML federation (`users.saml`) with domain-joined fleets",
                "fleet.network: `network` is not an argument of aws-euc:appstream:StreamingEnvironment; it takes 14 others, none of them close",
            ),
        );
    });

    it("schedule names that would name the same resource", () => {
        assert.equal(
            fleetError({ scaling: { minCapacity: 1, maxCapacity: 4, schedules: [{ name: "night shift", schedule: "rate(1 day)", minCapacity: 1 }, { name: "night-shift", schedule: "rate(1 day)", minCapacity: 2 }] } }),
            lines(FLEET_HEADER, "scaling.schedules[1].name: 'night-shift' is used twice (or names the same resource as another); schedule names key their resources"),
        );
    });

    it("a stack ARN given as text that is not an AppStream stack's (the stream policy would name it)", () => {
        assert.equal(
            errorOf(() => new appstream.Users("u", { stack: { name: "s", arn: "bogus value" }, saml: { providerArn: "arn:aws:iam::123456789012:saml-provider/okta" } })),
            lines(
                "aws-euc:appstream:Users 'u' has invalid arguments:",
                "stack.arn: 'bogus value' must be an ARN of appstream, e.g. 'arn:aws:appstream:eu-west-1:123456789012:stack/my-stack'",
            ),
        );
    });

    it("a user without a valid e-mail, and a duplicate user", () => {
        assert.equal(
            errorOf(() => new appstream.Users("u", { stack: { name: "s", arn: "arn:aws:appstream:eu-west-3:123456789012:stack/s" }, users: [{ email: "ana" }, { email: "li@example.com" }, { email: "LI@example.com" }] })),
            lines(
                "aws-euc:appstream:Users 'u' has invalid arguments:",
                "users[0].email: 'ana' is not an e-mail address; AppStream user-pool users sign in with their e-mail",
                "users[2].email: 'LI@example.com' is listed twice",
            ),
        );
    });
});

describe("appstream parts refuse what AppStream would, naming the argument", () => {
    it("an image builder on a size only fleets offer, or on a retired graphics family", () => {
        const builderError = (instanceType: string) => errorOf(() => new appstream.ImageBuilder("b", { instanceType, image: { name: "x" }, network: NETWORK }));
        assert.equal(
            builderError("stream.standard.xlarge"),
            lines(
                "aws-euc:appstream:ImageBuilder 'b' has invalid arguments:",
                "instanceType: 'stream.standard.xlarge' is not offered for image builders (CreateImageBuilder takes stream.standard.small, medium and large only of the standard family); build on 'stream.standard.large' or 'stream.compute.large'; the fleet may still use 'stream.standard.xlarge'",
            ),
        );
        assert.match(builderError("stream.graphics-design.large"), /- instanceType: 'stream\.graphics-design\.large' is of the retired stream\.graphics-design family/);
        assert.doesNotThrow(() => new appstream.Fleet("f", { ...FLEET_ARGS, instanceType: "stream.standard.2xlarge" }));
    });

    it("user names outside CreateUser's pattern, a wildcard embed domain, a long feedback URL, a long display name", () => {
        assert.match(
            errorOf(() => new appstream.Users("u", { stack: { name: "s", arn: "arn:aws:appstream:eu-west-3:123456789012:stack/s" }, users: [{ email: "o@example.com", lastName: "O'Brien" }] })),
            /^aws-euc:appstream:Users 'u' has invalid arguments:\n {2}- users\[0\]\.lastName: 'O'Brien' is not accepted by AppStream: 1–2048 ASCII letters, digits, '_', '-' and spaces only/,
        );
        assert.equal(
            errorOf(() => new appstream.Stack("s", { fleet: { name: "f" }, embedHostDomains: ["*.example.com"], feedbackUrl: `https://example.com/${"x".repeat(81)}`, displayName: "d".repeat(101) })),
            lines(
                "aws-euc:appstream:Stack 's' has invalid arguments:",
                "embedHostDomains[0]: '*.example.com' is not a lower-case domain name of up to 128 characters such as 'portal.example.com' (AppStream takes no wildcards)",
                `feedbackUrl: 'https://example.com/${"x".repeat(81)}' must be an https:// URL of up to 100 characters`,
                "displayName: has 101 characters; AppStream takes at most 100",
            ),
        );
    });

    it("DNS or HTTP rules with the caller's own security groups", () => {
        assert.equal(
            fleetError({ network: { subnetIds: SUBNETS, securityGroupIds: ["sg-1"], allowHttp: true } }),
            lines(FLEET_HEADER, "network.securityGroupIds: `allowHttp` and `dnsServers` shape the created group; with your own groups, add those rules to them"),
        );
    });

    it("names a dashboard CloudWatch accepts, whatever the fleet is called", () => {
        assert.equal(appstream.dashboardName("excel.prod-fleet-1a2b3c4"), "appstream-excel-prod-fleet-1a2b3c4");
    });
});
