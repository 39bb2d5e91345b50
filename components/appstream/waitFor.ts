import * as pulumi from "@pulumi/pulumi";

/** The plain resources a component was told to wait for, so that its AWS children wait for them too. */
export function plainDependsOn(opts: pulumi.ComponentResourceOptions | undefined): pulumi.Resource[] {
    const deps = opts?.dependsOn;
    if (deps instanceof pulumi.Resource) {
        return [deps];
    }
    return Array.isArray(deps) ? deps.filter((d): d is pulumi.Resource => d instanceof pulumi.Resource) : [];
}
