/**
 * AppStream 2.0 instance types by family, as the CreateFleet API lists them (graphics-design,
 * graphics-desktop and graphics-pro are previous generation, still accepted for existing
 * images). The GPU families (graphics*) run the graphics images; the others are CPU-only.
 */
export const INSTANCE_FAMILIES = {
    "stream.standard": ["small", "medium", "large", "xlarge", "2xlarge"],
    "stream.compute": ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"],
    "stream.memory": ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"],
    "stream.memory.z1d": ["large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge"],
    "stream.graphics-design": ["large", "xlarge", "2xlarge", "4xlarge"],
    "stream.graphics-desktop": ["2xlarge"],
    "stream.graphics-pro": ["4xlarge", "8xlarge", "16xlarge"],
    "stream.graphics.g4dn": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
    "stream.graphics.g5": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
    "stream.graphics.g6": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
    "stream.graphics.gr6": ["4xlarge", "8xlarge"],
    "stream.graphics.g6f": ["large", "xlarge", "2xlarge", "4xlarge"],
    "stream.graphics.gr6f": ["4xlarge"],
} as const;

export type InstanceFamily = keyof typeof INSTANCE_FAMILIES;

/** Every instance type name, e.g. `stream.standard.medium`. */
export const INSTANCE_TYPES: readonly string[] = Object.entries(INSTANCE_FAMILIES).flatMap(([family, sizes]) =>
    sizes.map((size) => `${family}.${size}`),
);

/** True when `type` is an AppStream instance type. */
export function isInstanceType(type: string): boolean {
    return INSTANCE_TYPES.includes(type);
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
