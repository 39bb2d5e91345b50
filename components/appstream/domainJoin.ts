import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, isDomainName, nameKey, show } from "../shared";

/**
 * Joins instances to an Active Directory domain: through a DirectoryConfig created here (with a
 * service account that may join computers to the OU), or an existing one by directory name.
 * AppStream keeps one DirectoryConfig per directory name in an account and region.
 */
export interface DomainJoinArgs {
    /** Fully qualified domain name of the directory, e.g. `corp.example.com`. */
    directoryName: string;
    /** Distinguished name of the OU for computer objects, e.g. `OU=AppStream,DC=corp,DC=example,DC=com`. */
    organizationalUnit: string;
    /**
     * Service account that creates the computer objects; a DirectoryConfig is created with it.
     * Leave out when a DirectoryConfig for `directoryName` already exists (in the account, or as
     * `directoryConfig`).
     */
    serviceAccount?: {
        /** `DOMAIN\\user` name. */
        name: pulumi.Input<string>;
        /** Password; stored as a secret. */
        password: pulumi.Input<string>;
    };
    /**
     * A DirectoryConfig this program creates elsewhere (the `StreamingEnvironment` passes the one
     * it shares between its builder and fleet); the join waits for it. Not with `serviceAccount`.
     * @default - none: the DirectoryConfig exists already or comes from `serviceAccount`
     */
    directoryConfig?: aws.appstream.DirectoryConfig;
}

/** The OU distinguished name AppStream expects: `OU=…` then OUs and DCs. */
const OU_DN = /^OU=[^,]+(,(OU|DC)=[^,]+)*$/i;

/** Checks a domain join's names (the security groups are checked by {@link requireJoinGroups}). */
export function validateDomainJoin(join: DomainJoinArgs | undefined, path: string, problems: ArgumentProblems): void {
    if (!join) {
        return;
    }
    problems.require(isDomainName(join.directoryName), `${path}.directoryName`, `${show(join.directoryName)} is not a domain name such as 'corp.example.com'`);
    problems.require(
        OU_DN.test(join.organizationalUnit ?? ""),
        `${path}.organizationalUnit`,
        `${show(join.organizationalUnit)} is not an OU distinguished name such as 'OU=AppStream,DC=corp,DC=example,DC=com'`,
    );
    problems.require(
        !(join.serviceAccount && join.directoryConfig),
        `${path}.serviceAccount`,
        "give either `serviceAccount` (a DirectoryConfig is created) or `directoryConfig` (an existing one), not both",
    );
}

/**
 * A domain join needs security groups that reach the domain controllers (Kerberos, LDAP, SMB,
 * RPC): the component's own group allows HTTPS only, so the caller must bring them.
 */
export function requireJoinGroups(joinPath: string, hasOwnGroups: boolean, problems: ArgumentProblems): void {
    problems.require(
        hasOwnGroups,
        "network.securityGroupIds",
        `is required with \`${joinPath}\`: the created group only allows HTTPS out, and joining the domain needs Kerberos, LDAP, SMB and RPC to your domain controllers`,
    );
}

/** A part of a composite that joins a domain, and where its join comes from. */
export interface PartJoin {
    join: DomainJoinArgs | undefined;
    /** The part's component (name and type), under the composite. */
    part: { name: string; type: string };
}

/**
 * One DirectoryConfig per directory name for the joins that bring a service account, with the
 * OUs of every join to that directory (AppStream refuses a second DirectoryConfig for a name).
 * A part used alone names it `<name>-directory-config`, under the part.
 */
export function createDirectoryConfigs(name: string, joins: (DomainJoinArgs | undefined)[], parent: pulumi.Resource): Map<string, aws.appstream.DirectoryConfig> {
    return directoryConfigsOf(
        joins.map((join) => ({ join })),
        () => ({ name: childName(name, "directory-config"), aliases: [] }),
        parent,
    );
}

/**
 * The composite's DirectoryConfigs, one per directory, keyed by it (`<name>-<directory>-directory-config`,
 * under the composite). Version 0.1.0 made one under each part that joined with a service account
 * (`<part>-directory-config`): the config answers to that name under every part joining its
 * directory (an alias that matches nothing is ignored), so a stack deployed with 0.1.0 keeps its
 * DirectoryConfig even if a part's account was dropped since. Without the aliases Pulumi would
 * create the new one before deleting the old, and AppStream refuses a second DirectoryConfig for a
 * directory (ResourceAlreadyExistsException).
 */
export function createSharedDirectoryConfigs(name: string, joins: PartJoin[], parent: pulumi.Resource): Map<string, aws.appstream.DirectoryConfig> {
    return directoryConfigsOf(
        joins,
        (key, group) => ({
            name: childName(name, nameKey(key), "directory-config"),
            aliases: group.map(({ part }) => ({ name: childName(part.name, "directory-config"), parent: pulumi.createUrn(part.name, part.type, parent) })),
        }),
        parent,
    );
}

function directoryConfigsOf<T extends { join: DomainJoinArgs | undefined }>(
    joins: T[],
    naming: (key: string, group: T[]) => { name: string; aliases: pulumi.Alias[] },
    parent: pulumi.Resource,
): Map<string, aws.appstream.DirectoryConfig> {
    const byDirectory = new Map<string, T[]>();
    for (const entry of joins) {
        if (entry.join) {
            const key = entry.join.directoryName.toLowerCase();
            byDirectory.set(key, [...(byDirectory.get(key) ?? []), entry]);
        }
    }
    const configs = new Map<string, aws.appstream.DirectoryConfig>();
    for (const [key, group] of byDirectory) {
        // The join that brings the account names the directory as its DirectoryConfig always had it.
        const owner = group.find((g) => g.join!.serviceAccount)?.join;
        const account = owner?.serviceAccount;
        if (!owner || !account) {
            continue;
        }
        const units = [...new Set(group.map((g) => g.join!.organizationalUnit))];
        const { name, aliases } = naming(key, group);
        configs.set(
            key,
            new aws.appstream.DirectoryConfig(
                name,
                {
                    directoryName: owner.directoryName,
                    organizationalUnitDistinguishedNames: units,
                    serviceAccountCredentials: { accountName: account.name, accountPassword: pulumi.secret(account.password) },
                },
                { parent, additionalSecretOutputs: ["serviceAccountCredentials"], ...(aliases.length ? { aliases } : {}) },
            ),
        );
    }
    return configs;
}

/** The DirectoryConfig a part's join waits for: the one it created, or the one it was given. */
export function directoryConfigOf(name: string, join: DomainJoinArgs | undefined, parent: pulumi.Resource): aws.appstream.DirectoryConfig | undefined {
    return join?.directoryConfig ?? createDirectoryConfigs(name, [join], parent).values().next().value;
}

/** The `domainJoinInfo` input of a fleet or image builder, after its DirectoryConfig exists. */
export function domainJoinInfo(join: DomainJoinArgs | undefined) {
    return join ? { directoryName: join.directoryName, organizationalUnitDistinguishedName: join.organizationalUnit } : undefined;
}
