import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, nameKey } from "../shared";

/** The record types that point an alias at a distribution: A, plus AAAA when IPv6 is on. */
export function aliasRecordTypes(ipv6: boolean): ("A" | "AAAA")[] {
    return ipv6 ? ["A", "AAAA"] : ["A"];
}

/**
 * Route53 alias records for every alias, keyed by the alias (not its position) so that removing
 * one alias leaves the others' records untouched.
 */
export function createAliasRecords(
    name: string,
    aliases: readonly string[],
    zoneId: pulumi.Input<string>,
    distribution: aws.cloudfront.Distribution,
    ipv6: boolean,
    parent: pulumi.Resource,
): aws.route53.Record[] {
    return aliases.flatMap((alias) =>
        aliasRecordTypes(ipv6).map(
            (type) =>
                new aws.route53.Record(
                    childName(name, "alias", nameKey(alias), type.toLowerCase()),
                    {
                        zoneId,
                        name: alias,
                        type,
                        aliases: [
                            {
                                name: distribution.domainName,
                                zoneId: distribution.hostedZoneId,
                                evaluateTargetHealth: false,
                            },
                        ],
                    },
                    { parent },
                ),
        ),
    );
}
