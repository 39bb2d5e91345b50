import { DirectoryServiceClient, ResetUserPasswordCommand } from "@aws-sdk/client-directory-service";

/** Sets a directory user's password. */
export interface PasswordSetter {
    reset(directoryId: string, userName: string, password: string): Promise<void>;
}

/**
 * Passwords through Directory Service's `ResetUserPassword` (the official SDK client): it works for
 * AWS Managed Microsoft AD and Simple AD users, and enables the user.
 */
export class DirectoryServicePasswords implements PasswordSetter {
    constructor(private readonly client: DirectoryServiceClient) {}

    static forRegion(region: string): DirectoryServicePasswords {
        return new DirectoryServicePasswords(new DirectoryServiceClient({ region }));
    }

    async reset(directoryId: string, userName: string, password: string): Promise<void> {
        await this.client.send(new ResetUserPasswordCommand({ DirectoryId: directoryId, UserName: userName, NewPassword: password }));
    }
}
