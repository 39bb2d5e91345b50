/**
 * AppStream 2.0's own rules, as facts the components check and the mock cloud enforces
 * (engine/rules/appstream.ts). Sources: the AppStream API model (botocore `appstream/2016-12-01`,
 * shapes named beside each fact), the Terraform provider under @pulumi/aws
 * (`internal/service/appstream`), and the AppStream administration guide.
 */

/** CreateUser `FirstName`/`LastName` (shape `UserAttributeValue`): ASCII letters, digits, `_`, `-` and spaces, up to 2048. */
export const USER_NAME_PART = { pattern: /^[A-Za-z0-9_\-\s]+$/, max: 2048 } as const;

/** CreateStack `EmbedHostDomains` item (shape `EmbedHostDomain`): lower-case DNS labels, no wildcard, up to 128; 1–20 items. */
export const EMBED_HOST_DOMAIN = {
    pattern: /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/,
    max: 128,
    maxItems: 20,
} as const;

/** `feedback_url` of the provider's stack: at most 100 characters (the API allows 1000; the provider refuses more than 100). */
export const FEEDBACK_URL_MAX = 100;
/** CreateStack `RedirectURL` (shape `RedirectURL`): at most 1000 characters. */
export const REDIRECT_URL_MAX = 1000;
/** `ApplicationSettings.SettingsGroup` (shape `SettingsGroup`): at most 100 characters. */
export const SETTINGS_GROUP_MAX = 100;
/** `DisplayName` (shape `DisplayName`) at most 100 characters, `Description` (shape `Description`) at most 256. */
export const DISPLAY_NAME_MAX = 100;
export const DESCRIPTION_MAX = 256;

/** Names of fleets, stacks and image builders (shape `Name`). */
export const RESOURCE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/;

/** CloudWatch `PutDashboard` `DashboardName`: letters, digits, `-` and `_`, up to 255 characters. */
export const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * UpdateFleet while the fleet is RUNNING (ALWAYS_ON and ON_DEMAND fleets): only these fields may
 * change (API model, UpdateFleet documentation); any other field needs a STOPPED fleet.
 * Field names are the @pulumi/aws inputs.
 */
export const FLEET_UPDATABLE_WHILE_RUNNING = [
    "displayName",
    "computeCapacity",
    "imageArn",
    "imageName",
    "idleDisconnectTimeoutInSeconds",
    "disconnectTimeoutInSeconds",
    "tags",
] as const;

/**
 * Fields for which the provider stops the fleet, updates it and starts it again: every session
 * on the fleet ends (provider `resourceFleetUpdate`, `shouldStop`).
 */
export const FLEET_UPDATES_THAT_STOP = [
    "description",
    "domainJoinInfo",
    "enableDefaultInternetAccess",
    "iamRoleArn",
    "instanceType",
    "maxUserDurationInSeconds",
    "streamView",
    "vpcConfig",
] as const;

/** Fleet fields whose change replaces the fleet (provider `ForceNew`). */
export const FLEET_REPLACED_BY = ["name", "fleetType"] as const;

/**
 * The service role AppStream needs before it can create a fleet or an image builder; the console
 * creates it the first time someone opens AppStream, a fresh account has none.
 */
export const SERVICE_ROLE = {
    name: "AmazonAppStreamServiceAccess",
    path: "/service-role/",
    service: "appstream.amazonaws.com",
    managedPolicy: "service-role/AmazonAppStreamServiceAccess",
} as const;
