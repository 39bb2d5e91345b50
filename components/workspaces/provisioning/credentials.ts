// No @pulumi/pulumi here: this module runs inside the serialized dynamic provider.

/** Credentials as SigV4 and the SDK take them: fixed keys or a function that resolves them. */
export type AwsCredentials =
    | { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
    | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>);

/** A role to assume before calling, as `aws:assumeRoles` describes one. */
export interface AssumeRole {
    roleArn: string;
    externalId?: string;
    sessionName?: string;
}

/**
 * How the provisioning provider reaches AWS: the same account and region as the stack's `aws`
 * provider. Sent to the dynamic provider as resource inputs (keys as secrets), because the
 * provider runs in another process that sees neither the program nor the aws provider.
 */
export interface AwsConnection {
    region: string;
    /** Named profile of the shared config/credentials files (`aws:profile`). */
    profile?: string;
    /** Static keys (`aws:accessKey`, `aws:secretKey`, `aws:token`). */
    accessKey?: string;
    secretKey?: string;
    sessionToken?: string;
    /** Roles assumed in order (`aws:assumeRoles`), each with the previous one's credentials. */
    assumeRoles?: AssumeRole[];
    /** DNS suffix of the partition (`amazonaws.com`, `amazonaws.com.cn`). @default "amazonaws.com" */
    dnsSuffix?: string;
    /** The Directory Service Data endpoint (a FIPS or VPC endpoint). @default `https://ds-data.<region>.<dnsSuffix>` */
    dsDataEndpoint?: string;
    /** The Directory Service endpoint (ResetUserPassword). @default - the SDK's for the region */
    directoryServiceEndpoint?: string;
}

/**
 * Resolves the credentials of a connection in the provider's process: static keys, else the
 * named profile or the default chain; then each role of `assumeRoles` in turn.
 */
export function credentialsOf(connection: AwsConnection): AwsCredentials {
    /* eslint-disable @typescript-eslint/no-require-imports */
    let base: AwsCredentials =
        connection.accessKey && connection.secretKey
            ? { accessKeyId: connection.accessKey, secretAccessKey: connection.secretKey, sessionToken: connection.sessionToken }
            : require("@aws-sdk/credential-provider-node").defaultProvider({ profile: connection.profile });
    for (const role of connection.assumeRoles ?? []) {
        const source = base;
        const assume = require("@aws-sdk/nested-clients/sts").getDefaultRoleAssumer({ region: connection.region });
        base = async () => {
            const credentials = typeof source === "function" ? await source() : source;
            return assume(credentials, { RoleArn: role.roleArn, ExternalId: role.externalId, RoleSessionName: role.sessionName ?? "pulumi-aws-euc-directory-users" });
        };
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
    return base;
}
