/**
 * AppStream 2.0 instance types by family, as the CreateFleet API model lists them. The GPU
 * families (graphics*) run the graphics images; the others are CPU-only. The previous graphics
 * families (graphics-design, graphics-desktop, graphics-pro; Graphics Pro ended 2025-10-31) are
 * retired and not offered for new fleets or builders.
 */
export const INSTANCE_FAMILIES = {
    "stream.standard": ["small", "medium", "large", "xlarge", "2xlarge"],
    "stream.compute": ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"],
    "stream.memory": ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"],
    "stream.memory.z1d": ["large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge"],
    "stream.graphics.g4dn": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
    "stream.graphics.g5": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
    "stream.graphics.g6": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
    "stream.graphics.gr6": ["4xlarge", "8xlarge"],
    "stream.graphics.g6f": ["large", "xlarge", "2xlarge", "4xlarge"],
    "stream.graphics.gr6f": ["4xlarge"],
} as const;

export type InstanceFamily = keyof typeof INSTANCE_FAMILIES;

/** Families AWS has retired: refused for new fleets and builders, with the reason. */
export const RETIRED_FAMILIES = ["stream.graphics-design", "stream.graphics-desktop", "stream.graphics-pro"] as const;

/** Every fleet instance type name, e.g. `stream.standard.medium` (CreateFleet `InstanceType`). */
export const INSTANCE_TYPES: readonly string[] = Object.entries(INSTANCE_FAMILIES).flatMap(([family, sizes]) =>
    sizes.map((size) => `${family}.${size}`),
);

/**
 * Instance types of image builders (CreateImageBuilder `InstanceType`): the fleet types except
 * `stream.standard.xlarge` and `stream.standard.2xlarge`.
 */
export const IMAGE_BUILDER_INSTANCE_TYPES: readonly string[] = INSTANCE_TYPES.filter((type) => !["stream.standard.xlarge", "stream.standard.2xlarge"].includes(type));

/** True when `type` is an AppStream instance type (of fleets, or of image builders when `forBuilder`). */
export function isInstanceType(type: string, forBuilder = false): boolean {
    return (forBuilder ? IMAGE_BUILDER_INSTANCE_TYPES : INSTANCE_TYPES).includes(type);
}

/** The retired family of `type`, if it is in one. */
export function retiredFamilyOf(type: string): string | undefined {
    return RETIRED_FAMILIES.find((family) => type.startsWith(`${family}.`));
}

/** True when `type` has a GPU (a graphics family). */
export function isGpuInstanceType(type: string): boolean {
    return type.startsWith("stream.graphics");
}

/**
 * True when an image name says it needs a GPU: AWS names its graphics base images
 * `AppStream-Graphics-…` (G4dn, G5, Design, Pro), and builders made from them keep the word.
 */
export function isGpuImageName(name: string): boolean {
    return /(^|[-_ ])Graphics([-_ ]|$)/i.test(name);
}
