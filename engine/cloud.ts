import { createHash } from "node:crypto";

/**
 * The pretend AWS account the mock engine answers for. Every id and ARN it hands out is derived
 * from the resource's type and name (never random), so plans and tests are repeatable and a
 * value wired to the wrong input shows up as the wrong, but recognisable, string.
 */
export interface MockCloud {
    account: string;
    /** Region of resources that set no `region` input (the `aws:region` config). */
    region: string;
    /** Public hosted zones by name, answering `aws.route53.getZone`. */
    zones: Record<string, string>;
    /**
     * IAM roles the account has, answering `aws.iam.getRole` and `aws.iam.getRoles`; `undefined`
     * means an account in use, with the service roles consoles create ({@link CONSOLE_SERVICE_ROLES},
     * not `workspaces_DefaultRole`, which only a WorkSpaces setup makes); `[]` a fresh account.
     */
    roles?: string[];
}

/** Service roles an AWS console creates the first time someone opens the service. */
export const CONSOLE_SERVICE_ROLES = ["AmazonAppStreamServiceAccess"];

export const DEFAULT_ACCOUNT = "123456789012";
export const DEFAULT_REGION = "eu-west-3";
/** The canonical user of `awslogsdelivery`, which writes CloudFront standard logs. */
export const LOG_DELIVERY_CANONICAL_USER_ID = "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0";

/** Hex digest of the parts, as long as asked: a stable stand-in for any generated identifier. */
export function stableHex(length: number, ...parts: string[]): string {
    let out = "";
    for (let i = 0; out.length < length; i++) {
        out += createHash("sha256").update([i, ...parts].join("\u0000")).digest("hex");
    }
    return out.slice(0, length);
}

/** A stable UUID-shaped identifier. */
export function stableUuid(...parts: string[]): string {
    const h = stableHex(32, ...parts);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A stable upper-case alphanumeric identifier such as CloudFront and Route53 use. */
export function stableUpperId(prefix: string, length: number, ...parts: string[]): string {
    return prefix + BigInt(`0x${stableHex(32, ...parts)}`).toString(36).toUpperCase().padStart(length, "0").slice(0, length);
}

/** The AZ id prefix of a region, as AWS forms it: `eu-west-3` → `euw3`, `ap-northeast-1` → `apne1`. */
export function zoneIdPrefix(region: string): string {
    const [area, direction = "", number = ""] = region.split("-");
    const compass = direction.replace(/north/g, "n").replace(/south/g, "s").replace(/east/g, "e").replace(/west/g, "w").replace(/central/g, "c");
    return `${area}${compass}${number}`;
}

/** The zone id answered for a zone name, from the table or derived from the name. */
export function zoneIdFor(cloud: MockCloud, zoneName: string): string {
    const name = zoneName.replace(/\.$/, "");
    return cloud.zones[name] ?? stableUpperId("Z", 20, "zone", name);
}
