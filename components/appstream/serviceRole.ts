import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, Tags } from "../shared";
import { SERVICE_ROLE } from "./awsRules";
import { partitionOfRegion } from "./users";

/**
 * The AppStream service role (`AmazonAppStreamServiceAccess`): `"existing"` looks it up, so a
 * preview in an account without it fails before anything is created; `"create"` creates it (once
 * per account: only one stack of one account may create it).
 */
export type ServiceRoleMode = "existing" | "create";

/** The role and what fleets and builders must wait for. */
export interface AppStreamServiceRole {
    arn: pulumi.Output<string>;
    /** The created role and its policy attachment (nothing when the role exists already). */
    created: pulumi.Resource[];
}

/** Looks the service role up, or creates it with AWS's managed policy. */
export function appstreamServiceRole(name: string, mode: ServiceRoleMode, region: pulumi.Output<string>, tags: Tags, parent: pulumi.Resource): AppStreamServiceRole {
    if (mode === "existing") {
        return { arn: aws.iam.getRoleOutput({ name: SERVICE_ROLE.name }, { parent }).arn, created: [] };
    }
    const role = new aws.iam.Role(
        childName(name, "service-role"),
        {
            name: SERVICE_ROLE.name,
            path: SERVICE_ROLE.path,
            description: "Lets AppStream 2.0 create and manage the network interfaces of fleets and image builders",
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: SERVICE_ROLE.service }, Action: "sts:AssumeRole" }],
            }),
            tags,
        },
        { parent },
    );
    const attachment = new aws.iam.RolePolicyAttachment(
        childName(name, "service-role-policy"),
        { role: role.name, policyArn: region.apply((r) => `arn:${partitionOfRegion(r)}:iam::aws:policy/${SERVICE_ROLE.managedPolicy}`) },
        { parent },
    );
    return { arn: role.arn, created: [role, attachment] };
}
