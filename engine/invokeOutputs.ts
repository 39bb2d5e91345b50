import { CONSOLE_SERVICE_ROLES, LOG_DELIVERY_CANONICAL_USER_ID, MockCloud, stableHex, zoneIdFor, zoneIdPrefix } from "./cloud";

type Inputs = Record<string, any>;
type Result = Record<string, unknown>;

/** AWS base images the mock cloud offers, oldest first. */
export const PUBLIC_APPSTREAM_IMAGES = [
    "AppStream-WinServer2019-06-17-2025",
    "AppStream-WinServer2022-06-17-2025",
    "AppStream-WinServer2022-10-08-2025",
    "AppStream-Graphics-G4dn-WinServer2022-10-08-2025",
    "AppStream-AmazonLinux2-09-16-2025",
];

/** Answers by invoke token. An invoke not listed is an error: a test must know every lookup it causes. */
const TABLE: Record<string, (cloud: MockCloud, inputs: Inputs) => Result> = {
    "aws:route53/getZone:getZone": (cloud, inputs) => {
        const byId = Object.entries(cloud.zones).find(([, id]) => id === inputs.zoneId);
        const name: string | undefined = inputs.name ?? byId?.[0];
        if (!name) {
            throw new UnansweredInvoke("aws:route53/getZone:getZone", inputs, `no hosted zone with id ${inputs.zoneId} in the mock cloud (look it up by name, or list it)`);
        }
        const zoneId = zoneIdFor(cloud, name);
        return {
            id: zoneId,
            zoneId,
            name: name.replace(/\.$/, ""),
            arn: `arn:aws:route53:::hostedzone/${zoneId}`,
            privateZone: inputs.privateZone ?? false,
            nameServers: [1, 2, 3, 4].map((n) => `ns-${n}.awsdns-${n}.org`),
        };
    },
    "aws:cloudfront/getLogDeliveryCanonicalUserId:getLogDeliveryCanonicalUserId": () => ({
        id: LOG_DELIVERY_CANONICAL_USER_ID,
    }),
    "aws:s3/getCanonicalUserId:getCanonicalUserId": (cloud) => ({
        id: stableHex(64, "canonical", cloud.account),
        displayName: "platform-team",
    }),
    "aws:index/getCallerIdentity:getCallerIdentity": (cloud) => ({
        id: cloud.account,
        accountId: cloud.account,
        arn: `arn:aws:iam::${cloud.account}:user/ci`,
        userId: "AIDAEXAMPLEEXAMPLE",
    }),
    "aws:index/getRegion:getRegion": (cloud, inputs) => ({
        id: inputs.region ?? cloud.region,
        name: inputs.region ?? cloud.region,
        region: inputs.region ?? cloud.region,
    }),
    "aws:appstream/getImage:getImage": (cloud, inputs) => {
        // Any image asked by name exists; a pattern picks the newest public image it matches.
        const name: string | undefined = inputs.name ?? PUBLIC_APPSTREAM_IMAGES.filter((n) => new RegExp(inputs.nameRegex).test(n)).pop();
        if (!name) {
            throw new UnansweredInvoke("aws:appstream/getImage:getImage", inputs, `no public image of the mock cloud matches ${inputs.nameRegex} (it knows ${PUBLIC_APPSTREAM_IMAGES.join(", ")})`);
        }
        const region = inputs.region ?? cloud.region;
        return { id: name, name, arn: `arn:aws:appstream:${region}::image/${name}`, platform: name.includes("Linux") ? "AMAZON_LINUX2" : "WINDOWS_SERVER_2022", state: "AVAILABLE", type: "PUBLIC" };
    },
    "aws:workspaces/getBundle:getBundle": (_cloud, inputs) => {
        const bundles: Record<string, string> = {
            "Standard with Windows 10 (Server 2022 based)": "wsb-93xk71ss4",
            "Performance with Windows 10 (Server 2022 based)": "wsb-8vbljg4r6",
            "Standard with Amazon Linux 2": "wsb-clj85qzj1",
        };
        // Any bundle asked by name exists, with a stable id derived from its owner and name.
        const id = inputs.bundleId ?? bundles[inputs.name] ?? `wsb-${stableHex(9, "bundle", inputs.owner ?? "AMAZON", inputs.name)}`;
        const computeType = /Performance/.test(inputs.name ?? "") ? "PERFORMANCE" : "STANDARD";
        return { id, bundleId: id, name: inputs.name ?? `bundle ${id}`, owner: inputs.owner ?? "AMAZON", computeTypes: [{ name: computeType }] };
    },
    "aws:iam/getRole:getRole": (cloud, inputs) => {
        if (!(cloud.roles ?? CONSOLE_SERVICE_ROLES).includes(inputs.name)) {
            throw new Error(`reading IAM Role (${inputs.name}): NoSuchEntity: The role with name ${inputs.name} cannot be found.`);
        }
        const path = inputs.name === "AmazonAppStreamServiceAccess" ? "/service-role/" : "/";
        return { id: inputs.name, name: inputs.name, path, arn: `arn:aws:iam::${cloud.account}:role${path}${inputs.name}`, uniqueId: `AROA${stableHex(16, inputs.name).toUpperCase()}` };
    },
    "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com" }),
    "aws:index/getAvailabilityZones:getAvailabilityZones": (cloud, inputs) => {
        const region = inputs.region ?? cloud.region;
        return { id: region, names: ["a", "b", "c"].map((z) => region + z), zoneIds: [1, 2, 3].map((n) => `${zoneIdPrefix(region)}-az${n}`) };
    },
    "aws:iam/getRoles:getRoles": (cloud, inputs) => {
        const pattern = new RegExp(inputs.nameRegex ?? ".*");
        const names = (cloud.roles ?? CONSOLE_SERVICE_ROLES).filter((n) => pattern.test(n));
        return { id: cloud.account, names, arns: names.map((n) => `arn:aws:iam::${cloud.account}:role/${n}`) };
    },
    "aws:ec2/getSubnet:getSubnet": (cloud, inputs) => {
        // The zone follows the id's last hex digit (a→az2, b→az3, c→az1 …), so tests can pick one.
        const region = inputs.region ?? cloud.region;
        const id: string = inputs.id ?? `subnet-${stableHex(17, "subnet")}`;
        const zone = (parseInt(id.slice(-1), 16) % 3) + 1;
        return { id, vpcId: `vpc-${stableHex(17, "vpc")}`, availabilityZoneId: `${zoneIdPrefix(region)}-az${zone}`, availabilityZone: `${region}${"abc"[zone - 1]}`, cidrBlock: "10.0.1.0/24" };
    },
};

/** A lookup the mock cloud cannot answer: one line naming it, its arguments and how to answer it. */
export class UnansweredInvoke extends Error {
    constructor(
        readonly token: string,
        readonly args: Inputs,
        reason = "the mock cloud has no answer for it",
    ) {
        super(
            `lookup ${token}(${JSON.stringify(args)}): ${reason}; ` +
                `supply one with --mocks FILE, e.g. {"invokes": {"${token}": {<result fields>}}}`,
        );
        this.name = "UnansweredInvoke";
    }
}

/** The mocked result of an invoke, or an error naming the token when none is known. */
export function mockInvoke(cloud: MockCloud, token: string, inputs: Inputs): Result {
    const answer = TABLE[token];
    if (!answer) {
        throw new UnansweredInvoke(token, inputs);
    }
    return answer(cloud, inputs);
}
