// One program with the three services, as a consumer writes it: imports from the package name only.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { appstream, cloudfront, workspaces } from "pulumi-aws-euc";

const config = new pulumi.Config();
const insecure = config.getBoolean("insecure") ?? false;

const content = new aws.s3.Bucket("content");
const site = new cloudfront.Distribution("site", {
    origins: { content: { s3: { bucket: content } } },
    aliases: ["example.com"],
    hostedZone: { name: "example.com" },
    // The insecure variant opts out of HTTPS for viewers: a mandatory policy must stop it.
    ...(insecure ? { defaultBehavior: { viewerProtocolPolicy: "allow-all" as const } } : {}),
});

const builder = new appstream.ImageBuilder("apps", {
    instanceType: "stream.standard.medium",
    image: { latestMatching: "^AppStream-WinServer2022-" },
    network: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"] },
});

// User provisioning is a dynamic provider: its code is serialized from the installed package.
const office = new workspaces.DesktopEnvironment("office", {
    directory: {
        network: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"] },
        directory: { type: "MicrosoftAD", name: "corp.example.com", enableDirectoryDataAccess: true },
        defaultRole: "create",
    },
    desktops: { bundle: { name: "Standard with Windows 11 (Server 2022 based)" } },
    users: [{ userName: "ana.silva", email: "ana.silva@example.com", givenName: "Ana", surname: "Silva" }],
    provisionUsers: { passwords: "initial" },
});

export const url = site.url;
export const builderName = builder.name;
export const registrationCode = office.registrationCode;
