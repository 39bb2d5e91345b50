import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, isDomainName, show } from "../shared";

/**
 * Joins instances to an Active Directory domain: through a DirectoryConfig created here (with a
 * service account that may join computers to the OU), or an existing one by directory name.
 */
export interface DomainJoinArgs {
    /** Fully qualified domain name of the directory, e.g. `corp.example.com`. */
    directoryName: string;
    /** Distinguished name of the OU for computer objects, e.g. `OU=AppStream,DC=corp,DC=example,DC=com`. */
    organizationalUnit: string;
    /**
     * Service account that creates the computer objects. Leave out when a DirectoryConfig for
     * `directoryName` already exists.
     */
    serviceAccount?: {
        /** `DOMAIN\\user` name. */
        name: pulumi.Input<string>;
        /** Password; stored as a secret. */
        password: pulumi.Input<string>;
    };
}

/** Checks a domain join; `hasOwnGroups` tells whether the caller brings security groups. */
export function validateDomainJoin(join: DomainJoinArgs | undefined, path: string, problems: ArgumentProblems, hasOwnGroups = true): void {
    if (!join) {
        return;
    }
    problems.require(
        hasOwnGroups,
        "network.securityGroupIds",
        "is required with `domainJoin`: the created group only allows HTTPS and DNS out, and joining needs Kerberos, LDAP, SMB and RPC to your domain controllers",
    );
    problems.require(isDomainName(join.directoryName), `${path}.directoryName`, `${show(join.directoryName)} is not a domain name such as 'corp.example.com'`);
    problems.require(
        /^OU=[^,]+(,(OU|DC)=[^,]+)*$/i.test(join.organizationalUnit),
        `${path}.organizationalUnit`,
        `${show(join.organizationalUnit)} is not an OU distinguished name such as 'OU=AppStream,DC=corp,DC=example,DC=com'`,
    );
}

/** The DirectoryConfig of a domain join, when it brings a service account. */
export function createDirectoryConfig(name: string, join: DomainJoinArgs | undefined, parent: pulumi.Resource): aws.appstream.DirectoryConfig | undefined {
    if (!join?.serviceAccount) {
        return undefined;
    }
    return new aws.appstream.DirectoryConfig(
        childName(name, "directory-config"),
        {
            directoryName: join.directoryName,
            organizationalUnitDistinguishedNames: [join.organizationalUnit],
            serviceAccountCredentials: {
                accountName: join.serviceAccount.name,
                accountPassword: pulumi.secret(join.serviceAccount.password),
            },
        },
        { parent, additionalSecretOutputs: ["serviceAccountCredentials"] },
    );
}

/** The `domainJoinInfo` input of a fleet or image builder, after its DirectoryConfig exists. */
export function domainJoinInfo(join: DomainJoinArgs | undefined) {
    return join ? { directoryName: join.directoryName, organizationalUnitDistinguishedName: join.organizationalUnit } : undefined;
}
