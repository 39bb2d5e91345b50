import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    ArgumentProblems,
    childName,
    CLOUDFRONT_REGION,
    componentTags,
    isDomainName,
    isDuration,
    nameKey,
    oneOf,
    show,
    Tags,
    validationDomainOf,
} from "../shared";
import { DEFAULT_CERTIFICATE_NAMES_QUOTA, MAX_CERTIFICATE_NAMES, MAX_COMMON_NAME_LENGTH } from "./limits";
import { checkArguments } from "../arguments";

export const CERTIFICATE_TYPE = "aws-euc:cloudfront:Certificate";

/** Key algorithms that CloudFront accepts for viewer certificates. */
export const CERTIFICATE_KEY_ALGORITHMS = ["RSA_2048", "EC_prime256v1"] as const;

/** Arguments of {@link Certificate}. */
export interface CertificateArgs {
    /** The certificate's main name, e.g. `example.com` or `*.example.com`. */
    domainName: string;
    /** More names covered by the certificate. @default [] */
    subjectAlternativeNames?: string[];
    /**
     * Route53 hosted zone where the DNS validation records are written. Without it the records are
     * only exposed (`dnsValidationRecords`) for you to create at your DNS provider, and the
     * validation waits, up to `validationTimeout`, until ACM sees them.
     * @default - no records are written
     */
    hostedZoneId?: pulumi.Input<string>;
    /**
     * The account's ACM quota of names per certificate (domain name plus SANs). ACM's default is
     * 10; raise it through Service Quotas (up to 100) before setting a larger value here.
     * @default 10
     */
    maxNames?: number;
    /** How long to wait for ACM to see the validation records, e.g. `45m`. @default "45m" */
    validationTimeout?: string;
    /** Key algorithm. @default "RSA_2048" */
    keyAlgorithm?: (typeof CERTIFICATE_KEY_ALGORITHMS)[number];
    /** Tags of the certificate. */
    tags?: Tags;
}

/**
 * The distinct names whose DNS records validate a certificate for `names`: `example.com` and
 * `*.example.com` share one record, so creating one per name would fail on the duplicate.
 */
export function validationDomains(names: readonly string[]): string[] {
    return [...new Set(names.map(validationDomainOf))];
}

/** A DNS record to create: its name, type and value. */
export interface DnsRecord {
    name: string;
    type: string;
    value: string;
}

/**
 * A public ACM certificate in us-east-1 (where CloudFront reads certificates), validated through
 * DNS records in a Route53 zone, one per distinct validation name.
 */
export class Certificate extends pulumi.ComponentResource {
    /** The ARN, known only once validation succeeded: resources using it wait for validation. */
    public readonly arn: pulumi.Output<string>;
    public readonly certificate: aws.acm.Certificate;
    /** The Route53 validation records (none without `hostedZoneId`). */
    public readonly validationRecords: aws.route53.Record[];
    public readonly validation: aws.acm.CertificateValidation;
    /** The CNAME records that prove control of the names, one per distinct validation name. */
    public readonly dnsValidationRecords: pulumi.Output<DnsRecord[]>;

    constructor(name: string, args: CertificateArgs, opts?: pulumi.ComponentResourceOptions) {
        super(CERTIFICATE_TYPE, name, {}, opts);
        checkArguments(CERTIFICATE_TYPE, name, args);
        const names = [args.domainName, ...(args.subjectAlternativeNames ?? [])];
        validateCertificateArgs(name, args, names);

        this.certificate = new aws.acm.Certificate(
            childName(name, "certificate"),
            {
                region: CLOUDFRONT_REGION,
                domainName: args.domainName,
                subjectAlternativeNames: args.subjectAlternativeNames ?? [],
                validationMethod: "DNS",
                keyAlgorithm: args.keyAlgorithm ?? "RSA_2048",
                options: { certificateTransparencyLoggingPreference: "ENABLED" },
                tags: componentTags(CERTIFICATE_TYPE, args.tags),
            },
            { parent: this },
        );

        const domains = validationDomains(names);
        const optionOf = (domain: string) =>
            this.certificate.domainValidationOptions.apply((options) => {
                const found = options.find((o) => validationDomainOf(o.domainName) === domain);
                if (!found) {
                    throw new Error(`ACM returned no validation record for ${show(domain)}`);
                }
                return found;
            });
        this.dnsValidationRecords = pulumi.all(domains.map(optionOf)).apply((options) =>
            options.map((o) => ({ name: o.resourceRecordName, type: o.resourceRecordType, value: o.resourceRecordValue })),
        );
        const zoneId = args.hostedZoneId;
        this.validationRecords = zoneId === undefined ? [] : domains.map((domain) => {
            const option = optionOf(domain);
            return new aws.route53.Record(
                childName(name, "validation", nameKey(domain)),
                {
                    zoneId,
                    name: option.resourceRecordName,
                    type: option.resourceRecordType,
                    records: [option.resourceRecordValue],
                    ttl: 60,
                    // ACM answers the same record for every certificate of the name in the account.
                    allowOverwrite: true,
                },
                // So destroying this stack never deletes a record that another certificate (of another
                // stack, or this one's renewal) still validates with; a stale CNAME is harmless.
                { parent: this, retainOnDelete: true },
            );
        });

        this.validation = new aws.acm.CertificateValidation(
            childName(name, "validation"),
            {
                region: CLOUDFRONT_REGION,
                certificateArn: this.certificate.arn,
                // Without records of ours, the validation waits until ACM sees the records made elsewhere.
                validationRecordFqdns: zoneId === undefined ? undefined : this.validationRecords.map((r) => r.fqdn),
            },
            { parent: this, customTimeouts: { create: args.validationTimeout ?? "45m" } },
        );

        this.arn = this.validation.certificateArn;
        this.registerOutputs({ arn: this.arn, dnsValidationRecords: this.dnsValidationRecords });
    }
}

function validateCertificateArgs(name: string, args: CertificateArgs, names: string[]): void {
    const problems = new ArgumentProblems(CERTIFICATE_TYPE, name);
    problems.require(isDomainName(args.domainName), "domainName", `${show(args.domainName)} is not a lowercase domain name`);
    for (const [i, san] of (args.subjectAlternativeNames ?? []).entries()) {
        problems.require(isDomainName(san), `subjectAlternativeNames[${i}]`, `${show(san)} is not a lowercase domain name`);
    }
    problems.require(new Set(names).size === names.length, "subjectAlternativeNames", "lists a name twice (or repeats `domainName`)");
    problems.requireRange(args.maxNames, { min: 1, max: MAX_CERTIFICATE_NAMES }, "maxNames", " names");
    const quota = args.maxNames ?? DEFAULT_CERTIFICATE_NAMES_QUOTA;
    problems.require(
        names.length <= quota,
        "subjectAlternativeNames",
        `the certificate would have ${names.length} names; ACM allows ${quota} per certificate in this account ` +
            `(raise the quota "Domain names per ACM certificate" and set \`maxNames\`, or split the names over several certificates)`,
    );
    problems.require(
        args.domainName.length <= MAX_COMMON_NAME_LENGTH,
        "domainName",
        `${show(args.domainName)} has ${args.domainName.length} characters; the common name takes at most ${MAX_COMMON_NAME_LENGTH}: use a shorter name as \`domainName\` and this one as a SAN`,
    );
    if (args.validationTimeout !== undefined) {
        problems.require(
            isDuration(args.validationTimeout),
            "validationTimeout",
            `${show(args.validationTimeout)} is not a duration; use a number and s, m or h, e.g. '45m'`,
        );
    }
    if (args.keyAlgorithm !== undefined) {
        problems.require(
            (CERTIFICATE_KEY_ALGORITHMS as readonly string[]).includes(args.keyAlgorithm),
            "keyAlgorithm",
            `${show(args.keyAlgorithm)} is not accepted by CloudFront; use one of ${oneOf(CERTIFICATE_KEY_ALGORITHMS)}`,
        );
    }
    problems.throwIfAny();
}
