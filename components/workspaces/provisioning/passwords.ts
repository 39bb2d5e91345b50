import { DescribeDirectoryDataAccessCommand, DirectoryServiceClient, ResetUserPasswordCommand } from "@aws-sdk/client-directory-service";
import type { AwsCredentials } from "./credentials";
import { plainError } from "./errors";

/** What provisioning asks of the Directory Service API itself. */
export interface DirectoryServiceApi {
    /** Sets a user's password (and enables the user). */
    reset(directoryId: string, userName: string, password: string): Promise<void>;
    /** `Disabled`, `Disabling`, `Enabled`, `Enabling` or `Failed` (DescribeDirectoryDataAccess). */
    dataAccessStatus(directoryId: string): Promise<string>;
}

/**
 * Directory Service through the official SDK client: `ResetUserPassword` (AWS Managed Microsoft
 * AD and Simple AD users) and `DescribeDirectoryDataAccess`. The SDK retries throttling itself
 * (up to `maxAttempts`); its errors are rethrown as plain `Error`s named by AWS's error code.
 */
export class DirectoryServicePasswords implements DirectoryServiceApi {
    constructor(private readonly client: DirectoryServiceClient) {}

    static forRegion(region: string, credentials?: AwsCredentials, endpoint?: string): DirectoryServicePasswords {
        return new DirectoryServicePasswords(new DirectoryServiceClient({ region, credentials, endpoint, maxAttempts: 8 }));
    }

    async reset(directoryId: string, userName: string, password: string): Promise<void> {
        try {
            await this.client.send(new ResetUserPasswordCommand({ DirectoryId: directoryId, UserName: userName, NewPassword: password }));
        } catch (err) {
            throw plainError(err, `ResetUserPassword of '${userName}' in ${directoryId}`);
        }
    }

    async dataAccessStatus(directoryId: string): Promise<string> {
        try {
            const answer = await this.client.send(new DescribeDirectoryDataAccessCommand({ DirectoryId: directoryId }));
            return answer.DataAccessStatus ?? "Disabled";
        } catch (err) {
            throw plainError(err, `DescribeDirectoryDataAccess of ${directoryId}`);
        }
    }
}
