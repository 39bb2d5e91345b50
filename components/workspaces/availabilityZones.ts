import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * The Availability Zone ids WorkSpaces Personal supports, per region. AZ names (`us-east-1a`)
 * map to different zones in each account; ids (`use1-az2`) do not. Source: Amazon WorkSpaces
 * Administration Guide, "Availability Zones for WorkSpaces Personal" (azs-workspaces), and the
 * same ids in "AWS Regions and Availability Zones for WorkSpaces Pools". Regions missing here are
 * not checked (the guide's list was not confirmed for them).
 */
export const WORKSPACES_ZONE_IDS: Readonly<Record<string, readonly string[]>> = {
    "us-east-1": ["use1-az2", "use1-az4", "use1-az6"],
    "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3"],
    "ap-south-1": ["aps1-az1", "aps1-az2", "aps1-az3"],
    "ap-northeast-1": ["apne1-az1", "apne1-az4"],
    "ap-northeast-2": ["apne2-az1", "apne2-az3"],
    "ap-southeast-1": ["apse1-az1", "apse1-az2"],
    "ap-southeast-2": ["apse2-az1", "apse2-az3"],
    "ca-central-1": ["cac1-az1", "cac1-az2"],
    "eu-central-1": ["euc1-az2", "euc1-az3"],
    "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
    "eu-west-2": ["euw2-az2", "euw2-az3"],
    "sa-east-1": ["sae1-az1", "sae1-az3"],
};

/** The subnets whose zone WorkSpaces does not support in `region` (none when the region is not in the table). */
export function unsupportedSubnets(region: string, subnets: { id: string; zoneId: string }[]): { id: string; zoneId: string }[] {
    const supported = WORKSPACES_ZONE_IDS[region];
    return supported ? subnets.filter((s) => !supported.includes(s.zoneId)) : [];
}

/** The message when subnets are in zones WorkSpaces does not support. */
export function unsupportedZonesMessage(region: string, bad: { id: string; zoneId: string }[]): string {
    return (
        `WorkSpaces does not support the Availability Zone of ${bad.map((s) => `subnet ${s.id} (${s.zoneId})`).join(" and ")} in ${region}; ` +
        `use subnets in ${WORKSPACES_ZONE_IDS[region].join(", ")} (AZ ids, the same in every account; see workspaces.workspacesZoneNames)`
    );
}

/**
 * Stops the deployment, with a message naming the subnet and the supported zones, when a subnet
 * is in an Availability Zone (by id) that WorkSpaces does not support in the region. Subnet ids
 * unknown in a preview are checked at deployment. The check is no resource's input: a failing
 * input would leave its resource waiting instead of failing.
 */
export function checkSubnetZones(subnetIds: pulumi.Input<string>[], region: pulumi.Input<string>, parent: pulumi.Resource): void {
    const subnets = subnetIds.map((id) => aws.ec2.getSubnetOutput({ id }, { parent }));
    pulumi.all([region, pulumi.all(subnets.map((s) => pulumi.all([s.id, s.availabilityZoneId])))]).apply(([r, found]) => {
        const bad = unsupportedSubnets(r, found.map(([id, zoneId]) => ({ id, zoneId })));
        if (bad.length > 0) {
            throw new Error(unsupportedZonesMessage(r, bad));
        }
    });
}

/**
 * The Availability Zone names of this account that WorkSpaces supports in the stack's region
 * (all zones of a region not in {@link WORKSPACES_ZONE_IDS}), for a VPC made for WorkSpaces.
 * @example new awsx.ec2.Vpc("desktops", { availabilityZoneNames: (await workspacesZoneNames()).slice(0, 2) })
 */
export async function workspacesZoneNames(region?: string): Promise<string[]> {
    const zones = await aws.getAvailabilityZones({ state: "available", region });
    const name = region ?? (await aws.getRegion({})).region;
    const supported = WORKSPACES_ZONE_IDS[name];
    return zones.names.filter((_, i) => !supported || supported.includes(zones.zoneIds[i]));
}
