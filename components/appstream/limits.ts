/** AppStream's documented limits, in one place for validation and docs. */

/** Session length: 10 minutes to 120 hours (CreateFleet API); the policy pack caps it at 10 hours. */
export const MAX_USER_DURATION = { min: 600, max: 432_000 } as const;
/** Time a disconnected session waits for the user to come back (CreateFleet API). */
export const DISCONNECT_TIMEOUT = { min: 60, max: 36_000 } as const;
/** Idle time before the user is disconnected (CreateFleet API); 0 turns the idle disconnect off. */
export const IDLE_DISCONNECT_TIMEOUT = { min: 60, max: 36_000 } as const;
/** Sessions per instance of a multi-session fleet (the API sets no bound; the instance type does). */
export const SESSIONS_PER_INSTANCE = { min: 2, max: 50 } as const;

/** Secure defaults, inside the policy pack's thresholds (36000 / 300 / 600). */
export const DEFAULT_MAX_USER_DURATION = 28_800;
export const DEFAULT_DISCONNECT_TIMEOUT = 300;
export const DEFAULT_IDLE_DISCONNECT_TIMEOUT = 600;

/** User settings of a stack: our names and AppStream's actions. */
export const USER_SETTING_ACTIONS = {
    clipboardCopyFromLocal: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE",
    clipboardCopyToLocal: "CLIPBOARD_COPY_TO_LOCAL_DEVICE",
    fileUpload: "FILE_UPLOAD",
    fileDownload: "FILE_DOWNLOAD",
    printing: "PRINTING_TO_LOCAL_DEVICE",
    domainPasswordSignIn: "DOMAIN_PASSWORD_SIGNIN",
    domainSmartCardSignIn: "DOMAIN_SMART_CARD_SIGNIN",
    autoTimeZoneRedirection: "AUTO_TIME_ZONE_REDIRECTION",
} as const;

export type UserSettingName = keyof typeof USER_SETTING_ACTIONS;

/**
 * Secure defaults: data may come in (paste, upload) but not leave the session (no copy to the
 * device, no download, no local printing), as the policy pack's stack policies expect.
 */
export const DEFAULT_USER_SETTINGS: Record<UserSettingName, boolean> = {
    clipboardCopyFromLocal: true,
    clipboardCopyToLocal: false,
    fileUpload: true,
    fileDownload: false,
    printing: false,
    domainPasswordSignIn: true,
    domainSmartCardSignIn: false,
    autoTimeZoneRedirection: true,
};

export const STORAGE_CONNECTOR_TYPES = ["HOMEFOLDERS", "GOOGLE_DRIVE", "ONE_DRIVE"] as const;
export type StorageConnectorType = (typeof STORAGE_CONNECTOR_TYPES)[number];

export const FLEET_TYPES = ["ON_DEMAND", "ALWAYS_ON", "ELASTIC"] as const;
export const STREAM_VIEWS = ["APP", "DESKTOP"] as const;
export const STREAMING_PROTOCOLS = ["UDP", "TCP"] as const;
