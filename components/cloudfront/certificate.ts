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
    /** Route53 hosted zone where the DNS validation records are written. */
    hostedZoneId: pulumi.Input<string>;
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

/**
 * A public ACM certificate in us-east-1 (where CloudFront reads certificates), validated through
 * DNS records in a Route53 zone, one per distinct validation name.
 */
export class Certificate extends pulumi.ComponentResource {
    /** The ARN, known only once validation succeeded: resources using it wait for validation. */
    public readonly arn: pulumi.Output<string>;
    public readonly certificate: aws.acm.Certificate;
    public readonly validationRecords: aws.route53.Record[];
    public readonly validation: aws.acm.CertificateValidation;

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

        this.validationRecords = validationDomains(names).map((domain) => {
            const option = this.certificate.domainValidationOptions.apply((options) => {
                const found = options.find((o) => validationDomainOf(o.domainName) === domain);
                if (!found) {
                    throw new Error(`ACM returned no validation record for ${show(domain)}`);
                }
                return found;
            });
            return new aws.route53.Record(
                childName(name, "validation", nameKey(domain)),
                {
                    zoneId: args.hostedZoneId,
                    name: option.resourceRecordName,
                    type: option.resourceRecordType,
                    records: [option.resourceRecordValue],
                    ttl: 60,
                    // ACM reuses the same record for renewals and for other certificates of the name.
                    allowOverwrite: true,
                },
                { parent: this },
            );
        });

        this.validation = new aws.acm.CertificateValidation(
            childName(name, "validation"),
            {
                region: CLOUDFRONT_REGION,
                certificateArn: this.certificate.arn,
                validationRecordFqdns: this.validationRecords.map((r) => r.fqdn),
            },
            { parent: this, customTimeouts: { create: args.validationTimeout ?? "45m" } },
        );

        this.arn = this.validation.certificateArn;
        this.registerOutputs({ arn: this.arn });
    }
}

function validateCertificateArgs(name: string, args: CertificateArgs, names: string[]): void {
    const problems = new ArgumentProblems(CERTIFICATE_TYPE, name);
    problems.require(isDomainName(args.domainName), "domainName", `${show(args.domainName)} is not a lowercase domain name`);
    for (const [i, san] of (args.subjectAlternativeNames ?? []).entries()) {
        problems.require(isDomainName(san), `subjectAlternativeNames[${i}]`, `${show(san)} is not a lowercase domain name`);
    }
    problems.require(new Set(names).size === names.length, "subjectAlternativeNames", "lists a name twice (or repeats `domainName`)");
    problems.require(names.length <= 100, "subjectAlternativeNames", `ACM takes at most 100 names in all; got ${names.length}`);
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
