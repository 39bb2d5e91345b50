import * as pulumi from "@pulumi/pulumi";
import { DirectoryServicePasswords, PasswordSetter } from "./passwords";
import { DsDataError, DsDataTransport, SignedHttpTransport } from "./transport";

/** The inputs of one directory user resource. */
export interface DirectoryUserInputs {
    region: string;
    directoryId: string;
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
    /** Allow Pulumi to delete the user from the directory. */
    allowDelete: boolean;
}

/** What is kept in the state: no password, only its fingerprint to notice a change. */
export type DirectoryUserOutputs = Omit<DirectoryUserInputs, "password"> & { passwordFingerprint?: string; sid?: string };

/** How the provider reaches AWS for a region. */
export type Connect = (region: string) => { transport: DsDataTransport; passwords: PasswordSetter };

export const connectToAws: Connect = (region) => ({ transport: new SignedHttpTransport(region), passwords: DirectoryServicePasswords.forRegion(region) });

/** A fingerprint of a password (not reversible) stored in the state to notice a new one. */
export function fingerprint(password: string | undefined): string | undefined {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return password === undefined ? undefined : require("crypto").createHash("sha256").update(password).digest("hex").slice(0, 16);
}

const REPLACE_ON = ["region", "directoryId", "userName"] as const;
const UPDATE_ON = ["email", "givenName", "surname", "passwordFingerprint", "passwordMode", "allowDelete"] as const;

function outputsOf(inputs: DirectoryUserInputs, sid?: string): DirectoryUserOutputs {
    const { password, ...rest } = inputs;
    return { ...rest, passwordFingerprint: fingerprint(password), sid };
}

function attributes(inputs: DirectoryUserInputs): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries({ EmailAddress: inputs.email, GivenName: inputs.givenName, Surname: inputs.surname }).filter(([, v]) => v !== undefined),
    );
}

/**
 * Directory users of AWS Managed Microsoft AD through the Directory Service Data API, as a Pulumi
 * dynamic provider: create, read, update of name and e-mail (and password), and a delete that is
 * refused unless `allowDelete` is set, because deleting a user loses their identity.
 */
export class DirectoryUserProvider implements pulumi.dynamic.ResourceProvider {
    constructor(private readonly connect: Connect = connectToAws) {}

    async create(inputs: DirectoryUserInputs): Promise<pulumi.dynamic.CreateResult> {
        const { transport, passwords } = this.connect(inputs.region);
        const created = await transport.send({
            operation: "CreateUser",
            directoryId: inputs.directoryId,
            body: { SAMAccountName: inputs.userName, ...attributes(inputs), ClientToken: `create-${inputs.directoryId}-${inputs.userName}`.slice(0, 128) },
        });
        if (inputs.password !== undefined) {
            await passwords.reset(inputs.directoryId, inputs.userName, inputs.password);
        }
        return { id: `${inputs.directoryId}/${inputs.userName}`, outs: outputsOf(inputs, created.SID as string | undefined) };
    }

    async read(id: string, props: DirectoryUserOutputs): Promise<pulumi.dynamic.ReadResult> {
        const { transport } = this.connect(props.region);
        try {
            const user = await transport.send({ operation: "DescribeUser", directoryId: props.directoryId, body: { SAMAccountName: props.userName } });
            return {
                id,
                props: { ...props, email: user.EmailAddress ?? props.email, givenName: user.GivenName ?? props.givenName, surname: user.Surname ?? props.surname, sid: user.SID ?? props.sid },
            };
        } catch (err) {
            if (err instanceof DsDataError && err.type === "ResourceNotFoundException") {
                return {};
            }
            throw err;
        }
    }

    async diff(_id: string, olds: DirectoryUserOutputs, news: DirectoryUserInputs): Promise<pulumi.dynamic.DiffResult> {
        const next = outputsOf(news);
        const replaces = REPLACE_ON.filter((key) => olds[key] !== next[key]);
        const changed = UPDATE_ON.filter((key) => olds[key] !== next[key]).filter((key) => !(key === "passwordFingerprint" && news.passwordMode === "initial"));
        return { changes: replaces.length + changed.length > 0, replaces: [...replaces], deleteBeforeReplace: true };
    }

    async update(_id: string, olds: DirectoryUserOutputs, news: DirectoryUserInputs): Promise<pulumi.dynamic.UpdateResult> {
        const { transport, passwords } = this.connect(news.region);
        if (["email", "givenName", "surname"].some((k) => olds[k as keyof DirectoryUserOutputs] !== news[k as keyof DirectoryUserInputs])) {
            await transport.send({
                operation: "UpdateUser",
                directoryId: news.directoryId,
                body: { SAMAccountName: news.userName, ...attributes(news), UpdateType: "REPLACE", ClientToken: `update-${news.directoryId}-${news.userName}-${Date.now()}`.slice(0, 128) },
            });
        }
        const next = outputsOf(news, olds.sid);
        if (news.passwordMode === "managed" && news.password !== undefined && next.passwordFingerprint !== olds.passwordFingerprint) {
            await passwords.reset(news.directoryId, news.userName, news.password);
        }
        if (news.passwordMode === "initial") {
            next.passwordFingerprint = olds.passwordFingerprint;
        }
        return { outs: next };
    }

    async delete(_id: string, props: DirectoryUserOutputs): Promise<void> {
        if (!props.allowDelete) {
            throw new Error(
                `refusing to delete directory user '${props.userName}' from ${props.directoryId}: deleting a user loses their identity ` +
                    "and access to data. Set allowDelete: true on the user (and run pulumi up) first, or remove it from the state with `pulumi state delete`.",
            );
        }
        const { transport } = this.connect(props.region);
        await transport.send({ operation: "DeleteUser", directoryId: props.directoryId, body: { SAMAccountName: props.userName, ClientToken: `delete-${props.directoryId}-${props.userName}`.slice(0, 128) } });
    }
}
