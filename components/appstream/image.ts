import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, isPlain, parseArn, show } from "../shared";
import { IMAGE_BUILDER_INSTANCE_TYPES, INSTANCE_FAMILIES, isGpuImageName, isGpuInstanceType, isInstanceType, retiredFamilyOf } from "./instanceTypes";

/** The image a builder or fleet starts from. */
export type ImageSource =
    /** An image by name (yours, or an AWS base image such as `AppStream-WinServer2022-06-17-2025`). */
    | { name: pulumi.Input<string> }
    /** An image by ARN. */
    | { arn: pulumi.Input<string> }
    /**
     * The newest AWS base image whose name matches this regular expression, looked up at each
     * deployment. An image builder keeps the image it was created from (a later base image does
     * not replace it); a fleet rolls to the newer image in place.
     */
    | { latestMatching: string };

/** `imageName`/`imageArn` inputs; the latest matching AWS image is looked up. */
export function imageInputs(image: ImageSource, parent: pulumi.Resource): { imageName?: pulumi.Input<string>; imageArn?: pulumi.Input<string> } {
    if ("name" in image) {
        return { imageName: image.name };
    }
    if ("arn" in image) {
        return { imageArn: image.arn };
    }
    const found = aws.appstream.getImageOutput({ nameRegex: image.latestMatching, type: "PUBLIC", mostRecent: true }, { parent });
    return { imageArn: found.arn };
}

/** Checks the image source and the instance type against it. */
export function validateImage(image: ImageSource | undefined, instanceType: string, path: string, problems: ArgumentProblems, typePath = "instanceType"): void {
    const kinds = image ? ["name" in image, "arn" in image, "latestMatching" in image].filter(Boolean).length : 0;
    if (!image) {
        problems.add(path, "is required: set `name`, `arn` or `latestMatching`");
        return;
    }
    if (!problems.require(kinds === 1, path, "set exactly one of `name`, `arn` or `latestMatching`")) {
        return;
    }
    if ("name" in image && isPlain(image.name)) {
        problems.require(image.name.length > 0, `${path}.name`, "must not be empty");
    }
    if ("arn" in image && isPlain(image.arn)) {
        const arn = parseArn(image.arn);
        problems.require(
            arn?.service === "appstream" && arn.resource.startsWith("image/"),
            `${path}.arn`,
            `${show(image.arn)} is not an AppStream image ARN (arn:aws:appstream:<region>:<account|aws>:image/<name>)`,
        );
    }
    if ("latestMatching" in image) {
        try {
            new RegExp(image.latestMatching);
        } catch {
            problems.add(`${path}.latestMatching`, `${show(image.latestMatching)} is not a regular expression`);
        }
    }
    const knownName = "name" in image && isPlain(image.name) ? image.name : "latestMatching" in image ? image.latestMatching : undefined;
    if (knownName !== undefined && isGpuImageName(knownName) && isInstanceType(instanceType)) {
        problems.require(
            isGpuInstanceType(instanceType),
            typePath,
            `${show(instanceType)} has no GPU but the image ${show(knownName)} is a graphics image; use a stream.graphics* instance type`,
        );
    }
}

/** Checks an instance type name, for a fleet or (with `forBuilder`) an image builder. */
export function validateInstanceType(type: string, problems: ArgumentProblems, forBuilder = false, path = "instanceType"): void {
    const retired = retiredFamilyOf(type ?? "");
    if (retired) {
        problems.add(path, `${show(type)} is of the retired ${retired} family (Graphics Pro ended 2025-10-31); use a stream.graphics.g4dn, g5, g6 or gr6 type`);
        return;
    }
    if (forBuilder && isInstanceType(type)) {
        problems.require(
            isInstanceType(type, true),
            path,
            `${show(type)} is not offered for image builders (CreateImageBuilder takes stream.standard.small, medium and large only of the standard family); ` +
                `build on 'stream.standard.large' or ${show(IMAGE_BUILDER_INSTANCE_TYPES.find((t) => t.startsWith("stream.compute")))}; the fleet may still use ${show(type)}`,
        );
        return;
    }
    problems.require(
        isInstanceType(type),
        path,
        `${show(type)} is not an AppStream instance type; use a stream.* type such as 'stream.standard.medium', ` +
            `'stream.compute.large', 'stream.memory.large' or 'stream.graphics.g4dn.xlarge' (families: ${Object.keys(INSTANCE_FAMILIES).join(", ")})`,
    );
}
