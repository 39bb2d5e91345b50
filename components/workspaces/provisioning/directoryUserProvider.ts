import * as pulumi from "@pulumi/pulumi";
import { AwsConnection, credentialsOf } from "./credentials";
import { awsError, isAwsError } from "./errors";
import { Clock, DS_DATA_LIMITS, PacedTransport, PacingOptions, realClock, retryWhile } from "./pacing";
import { DirectoryServiceApi, DirectoryServicePasswords } from "./passwords";
import { DsDataTransport, SignedHttpTransport } from "./transport";

/** The inputs of one directory user resource. */
export interface DirectoryUserInputs {
    region: string;
    /** Account settings of the stack (profile, keys, roles, endpoint); secret in the state. */
    connection?: Omit<AwsConnection, "region">;
    directoryId: string;
    /** AWS Managed Microsoft AD edition: decides the API's rate limits. @default "Standard" */
    edition?: "Standard" | "Enterprise";
    /** sAMAccountName. */
    userName: string;
    email?: string;
    givenName?: string;
    surname?: string;
    /** Password to set (secret); none leaves the user without one (disabled until reset). */
    password?: string;
    /**
     * `managed`: Pulumi keeps the password it set (a new password is applied on update).
     * `initial`: set once at creation for the user's first sign-in, never touched again.
     */
    passwordMode: "managed" | "initial";
    /** After setting the password, require a new one at the first sign-in (`pwdLastSet` = 0). */
    changePasswordAtFirstLogon?: boolean;
}

/** What is kept in the state: no password, only its fingerprint to notice a change. */
export type DirectoryUserOutputs = Omit<DirectoryUserInputs, "password"> & { passwordFingerprint?: string; sid?: string };

/** What the provider calls. */
export interface AwsClients {
    transport: DsDataTransport;
    directoryService: DirectoryServiceApi;
}

/** How the provider reaches AWS for a user's region and connection (one HTTP request per call). */
export type Connect = (connection: AwsConnection) => AwsClients;

export const connectToAws: Connect = (connection) => {
    const credentials = credentialsOf(connection);
    return {
        transport: new SignedHttpTransport(connection.region, { credentials, endpoint: connection.dsDataEndpoint, dnsSuffix: connection.dnsSuffix }),
        directoryService: DirectoryServicePasswords.forRegion(connection.region, credentials, connection.directoryServiceEndpoint),
    };
};

/** How long the provider waits for AWS's eventual consistency. */
export interface ProviderWaits {
    /** Directory data access turning `Enabled` after the directory is created. @default 15 s, up to 30 min */
    dataAccessIntervalMs: number;
    dataAccessTimeoutMs: number;
    /** A new user reaching the domain controller that ResetUserPassword asks. @default 5 s, up to 5 min */
    replicationIntervalMs: number;
    replicationTimeoutMs: number;
}

export const DEFAULT_WAITS: ProviderWaits = { dataAccessIntervalMs: 15_000, dataAccessTimeoutMs: 30 * 60_000, replicationIntervalMs: 5_000, replicationTimeoutMs: 5 * 60_000 };

/** Options of {@link DirectoryUserProvider}; tests shorten the waits and inject the network. */
export interface DirectoryUserProviderOptions {
    connect?: Connect;
    /** @default - the directory edition's limits ({@link DS_DATA_LIMITS}) */
    pacing?: Partial<PacingOptions>;
    waits?: Partial<ProviderWaits>;
    clock?: Clock;
}

/** A fingerprint of a password (not reversible) stored in the state to notice a new one. */
export function fingerprint(password: string | undefined): string | undefined {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return password === undefined ? undefined : require("crypto").createHash("sha256").update(password).digest("hex").slice(0, 16);
}

/** A fresh idempotency token per operation: a deterministic one would replay an earlier call for 8 hours. */
function clientToken(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("crypto").randomUUID();
}

/** Inputs whose change replaces a directory user (its diff answers `replaces`). */
export const DIRECTORY_USER_REPLACED_BY = ["region", "directoryId", "userName"] as const;
const UPDATE_ON = ["email", "givenName", "surname", "passwordFingerprint", "passwordMode", "changePasswordAtFirstLogon", "edition"] as const;

/** The DS Data attribute of each user detail. */
const ATTRIBUTES = { email: "EmailAddress", givenName: "GivenName", surname: "Surname" } as const;
type Detail = keyof typeof ATTRIBUTES;
const DETAILS = Object.keys(ATTRIBUTES) as Detail[];

function outputsOf(inputs: DirectoryUserInputs, sid?: string): DirectoryUserOutputs {
    const { password, ...rest } = inputs;
    return { ...rest, passwordFingerprint: fingerprint(password), sid };
}

function attributes(values: Partial<Record<Detail, string | undefined>>, details: readonly Detail[] = DETAILS): Record<string, string> {
    return Object.fromEntries(details.filter((d) => values[d] !== undefined).map((d) => [ATTRIBUTES[d], values[d]!]));
}

/**
 * The UpdateUser calls that take a user from `olds` to `news`: `ADD` where there was no value,
 * `REPLACE` where it changes, `REMOVE` (with the old value) where it is cleared.
 */
export function attributeUpdates(olds: Partial<Record<Detail, string | undefined>>, news: Partial<Record<Detail, string | undefined>>): { type: "ADD" | "REPLACE" | "REMOVE"; attributes: Record<string, string> }[] {
    const added = DETAILS.filter((d) => olds[d] === undefined && news[d] !== undefined);
    const replaced = DETAILS.filter((d) => olds[d] !== undefined && news[d] !== undefined && olds[d] !== news[d]);
    const removed = DETAILS.filter((d) => olds[d] !== undefined && news[d] === undefined);
    return [
        { type: "ADD" as const, attributes: attributes(news, added) },
        { type: "REPLACE" as const, attributes: attributes(news, replaced) },
        { type: "REMOVE" as const, attributes: attributes(olds, removed) },
    ].filter((u) => Object.keys(u.attributes).length > 0);
}

/**
 * Directory users of AWS Managed Microsoft AD through the Directory Service Data API, as a Pulumi
 * dynamic provider. One instance serves every user (see {@link DIRECTORY_USER_PROVIDER}): it
 * paces the calls of each directory within AWS's limits, waits for directory data access, retries
 * what passes, adopts a user that already exists, and reports AWS's own error otherwise.
 * Deleting removes the user; keeping users is the resource's `retainOnDelete`.
 */
export class DirectoryUserProvider implements pulumi.dynamic.ResourceProvider {
    /** Per directory: its paced transport, and the wait for data access (once per process). */
    private readonly directories: Record<string, { clients: AwsClients; ready?: Promise<void> }>;

    constructor(private readonly options: DirectoryUserProviderOptions = {}) {
        // In the constructor, not a field initializer: Pulumi's closure serializer drops those.
        this.directories = {};
    }

    async create(inputs: DirectoryUserInputs): Promise<pulumi.dynamic.CreateResult> {
        const { transport, directoryService } = await this.ready(inputs);
        let sid: string | undefined;
        try {
            const created = await transport.send({
                operation: "CreateUser",
                directoryId: inputs.directoryId,
                body: { SAMAccountName: inputs.userName, ...attributes(inputs), ClientToken: clientToken() },
            });
            sid = created.SID as string | undefined;
        } catch (err) {
            // An earlier attempt created the user (e.g. its password reset failed): adopt it.
            if (!isAwsError(err, "ConflictException")) {
                throw err;
            }
            const existing = await this.describe(transport, inputs.directoryId, inputs.userName);
            if (!existing) {
                throw err;
            }
            sid = existing.SID as string | undefined;
            // Set what the program gives; leave alone what it does not mention.
            const current = this.detailsOf(existing);
            const given = Object.fromEntries(DETAILS.filter((d) => inputs[d] !== undefined).map((d) => [d, current[d]]));
            await this.applyUpdates(transport, inputs, given, inputs);
        }
        if (inputs.password !== undefined) {
            await this.setPassword(directoryService, transport, inputs);
        }
        return { id: `${inputs.directoryId}/${inputs.userName}`, outs: outputsOf(inputs, sid) };
    }

    async read(id: string, props: DirectoryUserOutputs): Promise<pulumi.dynamic.ReadResult> {
        const { transport, directoryService } = this.clientsOf(props);
        try {
            const user = await this.describe(transport, props.directoryId, props.userName);
            if (!user) {
                return {};
            }
            return { id, props: { ...props, ...this.detailsOf(user), sid: (user.SID as string | undefined) ?? props.sid } };
        } catch (err) {
            if (await this.directoryIsGone(directoryService, props.directoryId, err)) {
                return {};
            }
            throw err;
        }
    }

    async diff(_id: string, olds: DirectoryUserOutputs, news: DirectoryUserInputs): Promise<pulumi.dynamic.DiffResult> {
        const next = outputsOf(news);
        const replaces = DIRECTORY_USER_REPLACED_BY.filter((key) => olds[key] !== next[key]);
        const changed = UPDATE_ON.filter((key) => olds[key] !== next[key]).filter((key) => !(key === "passwordFingerprint" && news.passwordMode === "initial"));
        const connectionChanged = JSON.stringify(olds.connection ?? {}) !== JSON.stringify(news.connection ?? {});
        return { changes: replaces.length + changed.length > 0 || connectionChanged, replaces: [...replaces], deleteBeforeReplace: true };
    }

    async update(_id: string, olds: DirectoryUserOutputs, news: DirectoryUserInputs): Promise<pulumi.dynamic.UpdateResult> {
        const { transport, directoryService } = await this.ready(news);
        await this.applyUpdates(transport, news, olds, news);
        const next = outputsOf(news, olds.sid);
        if (news.passwordMode === "managed" && news.password !== undefined && next.passwordFingerprint !== olds.passwordFingerprint) {
            await this.setPassword(directoryService, transport, { ...news, changePasswordAtFirstLogon: false });
        }
        if (news.passwordMode === "initial") {
            next.passwordFingerprint = olds.passwordFingerprint;
        }
        return { outs: next };
    }

    async delete(_id: string, props: DirectoryUserOutputs): Promise<void> {
        const { transport, directoryService } = this.clientsOf(props);
        try {
            await transport.send({ operation: "DeleteUser", directoryId: props.directoryId, body: { SAMAccountName: props.userName, ClientToken: clientToken() } });
        } catch (err) {
            // Already gone, or its directory is: nothing left to delete.
            if (isAwsError(err, "ResourceNotFoundException") || (await this.directoryIsGone(directoryService, props.directoryId, err))) {
                return;
            }
            throw err;
        }
    }

    private clientsOf(user: Pick<DirectoryUserInputs, "region" | "connection" | "directoryId" | "edition">): AwsClients {
        const key = `${user.region}/${user.directoryId}/${user.connection?.dsDataEndpoint ?? ""}`;
        if (!this.directories[key]) {
            const raw = (this.options.connect ?? connectToAws)({ ...user.connection, region: user.region });
            const limits = DS_DATA_LIMITS[user.edition ?? "Standard"];
            const transport = new PacedTransport(raw.transport, { ...limits, clock: this.options.clock, ...this.options.pacing });
            // Password resets reach the same domain controllers: same limits, same pacing.
            const directoryService: DirectoryServiceApi = {
                reset: (directoryId, userName, password) => transport.run("write", () => raw.directoryService.reset(directoryId, userName, password)),
                dataAccessStatus: (directoryId) => raw.directoryService.dataAccessStatus(directoryId),
            };
            this.directories[key] = { clients: { transport, directoryService } };
        }
        return this.directories[key].clients;
    }

    /** The clients of a directory, once its data access is `Enabled`. */
    private async ready(user: DirectoryUserInputs): Promise<AwsClients> {
        const clients = this.clientsOf(user);
        const entry = this.directories[`${user.region}/${user.directoryId}/${user.connection?.dsDataEndpoint ?? ""}`];
        entry.ready ??= this.awaitDataAccess(clients.directoryService, user.directoryId);
        try {
            await entry.ready;
        } catch (err) {
            entry.ready = undefined; // the next user asks again
            throw err;
        }
        return clients;
    }

    private async awaitDataAccess(api: DirectoryServiceApi, directoryId: string): Promise<void> {
        const waits = { ...DEFAULT_WAITS, ...this.options.waits };
        const clock = this.options.clock ?? realClock;
        const deadline = clock.now() + waits.dataAccessTimeoutMs;
        for (;;) {
            const status = await api.dataAccessStatus(directoryId);
            if (status === "Enabled") {
                return;
            }
            if (status !== "Enabling" || clock.now() + waits.dataAccessIntervalMs > deadline) {
                throw awsError(
                    "DataAccessNotEnabled",
                    `directory data access of ${directoryId} is ${status}${status === "Enabling" ? " after waiting" : ""}; the Directory Service Data API answers only when it is Enabled (set enableDirectoryDataAccess: true on the directory)`,
                );
            }
            await clock.sleep(waits.dataAccessIntervalMs);
        }
    }

    /** Sets the password, waiting while the new user has not reached every domain controller. */
    private async setPassword(api: DirectoryServiceApi, transport: DsDataTransport, user: DirectoryUserInputs): Promise<void> {
        const waits = { ...DEFAULT_WAITS, ...this.options.waits };
        await retryWhile(["UserDoesNotExistException", "EntityDoesNotExistException"], () => api.reset(user.directoryId, user.userName, user.password!), {
            intervalMs: waits.replicationIntervalMs,
            timeoutMs: waits.replicationTimeoutMs,
            clock: this.options.clock,
        });
        if (user.changePasswordAtFirstLogon) {
            await transport.send({
                operation: "UpdateUser",
                directoryId: user.directoryId,
                body: { SAMAccountName: user.userName, OtherAttributes: { pwdLastSet: { N: 0 } }, UpdateType: "REPLACE", ClientToken: clientToken() },
            });
        }
    }

    private async applyUpdates(transport: DsDataTransport, target: DirectoryUserInputs, olds: Partial<Record<Detail, string | undefined>>, news: Partial<Record<Detail, string | undefined>>): Promise<void> {
        for (const update of attributeUpdates(olds, news)) {
            await transport.send({
                operation: "UpdateUser",
                directoryId: target.directoryId,
                body: { SAMAccountName: target.userName, ...update.attributes, UpdateType: update.type, ClientToken: clientToken() },
            });
        }
    }

    private async describe(transport: DsDataTransport, directoryId: string, userName: string): Promise<Record<string, unknown> | undefined> {
        try {
            return await transport.send({ operation: "DescribeUser", directoryId, body: { SAMAccountName: userName } });
        } catch (err) {
            if (isAwsError(err, "ResourceNotFoundException")) {
                return undefined;
            }
            throw err;
        }
    }

    private detailsOf(user: Record<string, unknown>): Record<Detail, string | undefined> {
        const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
        return { email: text(user.EmailAddress), givenName: text(user.GivenName), surname: text(user.Surname) };
    }

    /** After a refusal: is the directory itself gone (deleted with its users)? */
    private async directoryIsGone(api: DirectoryServiceApi, directoryId: string, err: unknown): Promise<boolean> {
        if (!isAwsError(err, "AccessDeniedException", "DirectoryUnavailableException", "ValidationException", "ResourceNotFoundException")) {
            return false;
        }
        try {
            await api.dataAccessStatus(directoryId);
            return false;
        } catch (probe) {
            return isAwsError(probe, "EntityDoesNotExistException", "DirectoryDoesNotExistException");
        }
    }
}

/**
 * The one provider every {@link DirectoryUser} uses. Pulumi serializes a dynamic provider once
 * per provider object: one shared instance is serialized once for any number of users (and its
 * pacing is shared by all of them in the provider's process).
 */
export const DIRECTORY_USER_PROVIDER = new DirectoryUserProvider();

/** This module, which the dynamic provider host loads to find {@link DIRECTORY_USER_PROVIDER}. */
export const PROVIDER_MODULE = __filename;
