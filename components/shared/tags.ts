import * as pulumi from "@pulumi/pulumi";

/** Tags as every taggable AWS resource takes them. */
export type Tags = Record<string, pulumi.Input<string>>;

/** The tag that marks every taggable child with the component that created it. */
export const COMPONENT_TAG = "aws-euc:component";

/** The user's tags plus the component marker; the user's value wins on a clash. */
export function componentTags(componentType: string, tags: Tags | undefined): Tags {
    return { [COMPONENT_TAG]: componentType, ...(tags ?? {}) };
}
