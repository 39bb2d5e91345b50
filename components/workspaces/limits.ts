/** WorkSpaces' documented values, in one place for validation and docs. */

/** Compute types of personal WorkSpaces (the `ComputeType` enum of the WorkSpaces API). */
export const COMPUTE_TYPES = [
    "VALUE",
    "STANDARD",
    "PERFORMANCE",
    "POWER",
    "POWERPRO",
    "GENERALPURPOSE_4XLARGE",
    "GENERALPURPOSE_8XLARGE",
    "GRAPHICS",
    "GRAPHICSPRO",
    "GRAPHICS_G4DN",
    "GRAPHICSPRO_G4DN",
    "GRAPHICS_G6_XLARGE",
    "GRAPHICS_G6_2XLARGE",
    "GRAPHICS_G6_4XLARGE",
    "GRAPHICS_G6_8XLARGE",
    "GRAPHICS_G6_16XLARGE",
    "GRAPHICS_GR6_4XLARGE",
    "GRAPHICS_GR6_8XLARGE",
] as const;
export type ComputeType = (typeof COMPUTE_TYPES)[number];

/** AUTO_STOP (billed by the hour, stops when idle) or ALWAYS_ON (monthly). MANUAL is WorkSpaces Core only. */
export const RUNNING_MODES = ["AUTO_STOP", "ALWAYS_ON"] as const;
export type RunningMode = (typeof RUNNING_MODES)[number];

/** Auto-stop timeouts are whole hours. */
export const AUTO_STOP_STEP_MINUTES = 60;
export const AUTO_STOP_MAX_MINUTES = 2880;

/**
 * Root/user volume sizes (GiB) WorkSpaces accepts: [80, 10], [80, 50], [80, 100], or a root of
 * 175–2000 with a user volume of 100–2000.
 */
export function isVolumeCombination(root: number, user: number): boolean {
    if (root === 80) {
        return [10, 50, 100].includes(user);
    }
    return Number.isInteger(root) && Number.isInteger(user) && root >= 175 && root <= 2000 && user >= 100 && user <= 2000;
}

/** Client device types, as `workspaceAccessProperties` names them. */
export const DEVICE_TYPES = {
    windows: "deviceTypeWindows",
    macos: "deviceTypeOsx",
    ios: "deviceTypeIos",
    android: "deviceTypeAndroid",
    linux: "deviceTypeLinux",
    web: "deviceTypeWeb",
    chromeos: "deviceTypeChromeos",
    zeroClient: "deviceTypeZeroclient",
} as const;
export type DeviceType = keyof typeof DEVICE_TYPES;

/** The seed's clients (Windows, macOS, iPad, Fire/Android, browsers) plus Linux; others denied. */
export const DEFAULT_DEVICE_ACCESS: Record<DeviceType, boolean> = {
    windows: true,
    macos: true,
    ios: true,
    android: true,
    linux: true,
    web: true,
    chromeos: false,
    zeroClient: false,
};

/** Self-service actions users may take on their workspace. */
export const SELF_SERVICE_PERMISSIONS = ["restartWorkspace", "increaseVolumeSize", "changeComputeType", "switchRunningMode", "rebuildWorkspace"] as const;
export type SelfServicePermission = (typeof SELF_SERVICE_PERMISSIONS)[number];

export const DIRECTORY_TYPES = ["SimpleAD", "MicrosoftAD", "ADConnector"] as const;
export type DirectoryType = (typeof DIRECTORY_TYPES)[number];
export const SIMPLE_AD_SIZES = ["Small", "Large"] as const;
export const MICROSOFT_AD_EDITIONS = ["Standard", "Enterprise"] as const;

export const WEB_CLIENT_URL = "https://clients.amazonworkspaces.com/webclient";
export const CLIENT_DOWNLOAD_URL = "https://clients.amazonworkspaces.com/";

/** The IAM role WorkSpaces looks up by this exact name in every account. */
export const DEFAULT_ROLE_NAME = "workspaces_DefaultRole";
/** The AWS managed policies of the role (names; the ARN depends on the partition). */
export const DEFAULT_ROLE_POLICIES = ["AmazonWorkSpacesServiceAccess", "AmazonWorkSpacesSelfServiceAccess"];

/** WorkSpaces user names: what Active Directory accepts as sAMAccountName (1–20 characters). */
export const USER_NAME = /^[A-Za-z0-9][\w.-]{0,19}$/;
