import * as pulumi from "@pulumi/pulumi";

/**
 * The AWS CLI command that invalidates `paths` of a distribution after its content changed
 * (paths start with `/`; `*` only at the end, e.g. `/*` or `/images/*`). The first 1,000 paths
 * a month are free; a wildcard counts as one path.
 *
 * @example pulumi stack output invalidationCommand | sh
 */
export function invalidationCommand(distributionId: pulumi.Input<string>, paths: readonly string[] = ["/*"]): pulumi.Output<string> {
    const bad = paths.filter((p) => !/^\/[^*\s]*\*?$/.test(p));
    if (bad.length > 0 || paths.length === 0) {
        throw new Error(`invalidation paths must start with '/' and may end with one '*'; got ${JSON.stringify(paths)}`);
    }
    const quoted = paths.map((p) => `'${p}'`).join(" ");
    return pulumi.interpolate`aws cloudfront create-invalidation --distribution-id ${distributionId} --paths ${quoted}`;
}
