import {
    ArgumentProblems,
    CLOUDFRONT_REGION,
    isDomainName,
    isDuration,
    isInZone,
    isPlain,
    nameKey,
    oneOf,
    parseArn,
    show,
    zoneNameOf,
} from "../shared";
import type { DistributionArgs } from "./distributionArgs";
import {
    ERROR_RESPONSE_CODES,
    HTTP_VERSIONS,
    DEFAULT_CERTIFICATE_NAMES_QUOTA,
    MAX_ALIASES,
    MAX_CERTIFICATE_NAMES,
    MAX_COMMON_NAME_LENGTH,
    MAX_TTL_SECONDS,
    MINIMUM_PROTOCOL_VERSIONS,
    PRICE_CLASSES,
    REPLACEMENT_RESPONSE_CODES,
} from "./limits";

/** The message for the seed's "RTMP" distribution type, which AWS no longer offers. */
export const RTMP_DISCONTINUED =
    "'rtmp' is not available: AWS discontinued RTMP distributions on 2020-12-31. " +
    "Deliver media over HTTPS instead with `mediaStreaming` (HLS/DASH behaviors: short-TTL manifests, " +
    "long-TTL segments, CORS) on a 'web' distribution";

/** Checks what viewers see: type, aliases, zone, certificate, TLS, geo restriction, error pages. */
export function validateViewer(args: DistributionArgs, problems: ArgumentProblems): void {
    problems.require(args.distributionType !== "rtmp", "distributionType", RTMP_DISCONTINUED);
    problems.requireOneOf<string>(args.distributionType, ["web", "rtmp"], "distributionType");
    validateAliases(args, problems);
    validateCertificate(args, problems);
    problems.requireOneOf<string>(args.minimumProtocolVersion, MINIMUM_PROTOCOL_VERSIONS, "minimumProtocolVersion");
    problems.requireOneOf<string>(args.sslSupportMethod, ["sni-only", "vip"], "sslSupportMethod");
    problems.requireOneOf<string>(args.priceClass, PRICE_CLASSES, "priceClass");
    problems.requireOneOf<string>(args.httpVersion, HTTP_VERSIONS, "httpVersion");
    if (args.defaultRootObject !== undefined) {
        problems.require(
            /^[^/\s][^\s]*$/.test(args.defaultRootObject),
            "defaultRootObject",
            `${show(args.defaultRootObject)} must be an object name without a leading '/', e.g. 'index.html'`,
        );
    }
    validateGeoRestriction(args, problems);
    validateErrorResponses(args, problems);
}

function validateAliases(args: DistributionArgs, problems: ArgumentProblems): void {
    const aliases = args.aliases ?? [];
    problems.require(aliases.length <= MAX_ALIASES, "aliases", `has ${aliases.length} names; a distribution takes at most ${MAX_ALIASES}`);
    const seen = new Set<string>();
    const keys = new Map<string, string>();
    const zoneName = args.hostedZone?.name;
    if (zoneName !== undefined) {
        problems.require(
            isDomainName(zoneNameOf(zoneName)),
            "hostedZone.name",
            `${show(zoneName)} is not a domain name; use a lowercase zone name such as 'example.com'`,
        );
    }
    for (const [i, alias] of aliases.entries()) {
        const path = `aliases[${i}]`;
        if (!problems.require(isDomainName(alias), path, `${show(alias)} is not a lowercase domain name; use e.g. 'www.example.com' or '*.example.com'`)) {
            continue;
        }
        problems.require(!seen.has(alias), path, `${show(alias)} is listed twice`);
        seen.add(alias);
        const other = keys.get(nameKey(alias));
        problems.require(other === undefined || other === alias, path, `${show(alias)} and ${show(other)} would name the same DNS records (key ${show(nameKey(alias))}); keep one of them`);
        keys.set(nameKey(alias), alias);
        if (zoneName !== undefined) {
            problems.require(
                isInZone(alias, zoneName),
                path,
                `${show(alias)} is not inside hosted zone ${show(zoneNameOf(zoneName))}; use a zone that contains it or remove the alias`,
            );
        }
    }
}

function validateCertificate(args: DistributionArgs, problems: ArgumentProblems): void {
    const hasAliases = (args.aliases ?? []).length > 0;
    problems.require(
        !(args.externalDns && args.hostedZone !== undefined),
        "externalDns",
        "conflicts with `hostedZone`: the records go either into a Route53 zone or to your own DNS provider",
    );
    problems.require(!args.externalDns || hasAliases, "externalDns", "needs `aliases`: it is about the DNS of your own domain names");
    problems.requireRange(args.certificateMaxNames, { min: 1, max: MAX_CERTIFICATE_NAMES }, "certificateMaxNames", " names");
    if (hasAliases) {
        problems.require(
            args.certificateArn !== undefined || args.hostedZone !== undefined || args.externalDns === true,
            "aliases",
            "serving your own domain names needs a certificate: set `hostedZone` (a certificate is created and validated), `externalDns: true` (created, validated through your DNS) or `certificateArn`",
        );
        if (args.certificateArn === undefined) {
            validateCreatedCertificateNames(args, problems);
        }
    } else {
        problems.require(
            args.certificateArn === undefined,
            "certificateArn",
            "a certificate is only used with `aliases`; add the domain names it covers or remove it",
        );
    }
    if (isPlain(args.certificateArn)) {
        const arn = parseArn(args.certificateArn);
        problems.require(
            arn?.service === "acm" && arn.region === CLOUDFRONT_REGION && arn.resource.startsWith("certificate/"),
            "certificateArn",
            `${show(args.certificateArn)} ${arn?.service === "acm" ? `is in region ${show(arn.region)}` : "is not an ACM certificate ARN"}; ` +
                `CloudFront only uses ACM certificates in ${CLOUDFRONT_REGION} (arn:aws:acm:us-east-1:<account>:certificate/<id>)`,
        );
    }
    if (args.certificateValidationTimeout !== undefined) {
        problems.require(
            args.certificateArn === undefined,
            "certificateValidationTimeout",
            "conflicts with `certificateArn`: the timeout applies only to a certificate this component creates",
        );
        problems.require(
            isDuration(args.certificateValidationTimeout),
            "certificateValidationTimeout",
            `${show(args.certificateValidationTimeout)} is not a duration; use a number and s, m or h, e.g. '45m' or '2h'`,
        );
    }
}

/** A created certificate holds every alias: ACM's per-certificate quota and a short common name. */
function validateCreatedCertificateNames(args: DistributionArgs, problems: ArgumentProblems): void {
    const aliases = args.aliases ?? [];
    const quota = args.certificateMaxNames ?? DEFAULT_CERTIFICATE_NAMES_QUOTA;
    problems.require(
        aliases.length <= quota,
        "aliases",
        `has ${aliases.length} names, all on the created certificate; ACM allows ${quota} per certificate in this account: ` +
            `raise the quota "Domain names per ACM certificate" and set \`certificateMaxNames\`, use fewer names (a wildcard), or pass \`certificateArn\``,
    );
    problems.require(
        aliases.length === 0 || aliases.some((alias) => alias.length <= MAX_COMMON_NAME_LENGTH),
        "aliases",
        `every alias is longer than ${MAX_COMMON_NAME_LENGTH} characters, and a certificate's common name takes at most ${MAX_COMMON_NAME_LENGTH}; add a shorter name or pass \`certificateArn\``,
    );
}

function validateGeoRestriction(args: DistributionArgs, problems: ArgumentProblems): void {
    const geo = args.geoRestriction;
    if (!geo) {
        return;
    }
    problems.requireOneOf<string>(geo.type, ["allowlist", "denylist"], "geoRestriction.type");
    problems.require(geo.countries.length > 0, "geoRestriction.countries", "must list at least one country code, e.g. ['FR', 'BE']");
    for (const [i, country] of geo.countries.entries()) {
        problems.require(
            /^[A-Z]{2}$/.test(country),
            `geoRestriction.countries[${i}]`,
            `${show(country)} is not an ISO 3166-1 alpha-2 country code; use two capital letters such as 'FR'`,
        );
    }
}

function validateErrorResponses(args: DistributionArgs, problems: ArgumentProblems): void {
    const seen = new Set<number>();
    for (const [i, response] of (args.errorResponses ?? []).entries()) {
        const path = `errorResponses[${i}]`;
        problems.require(
            (ERROR_RESPONSE_CODES as readonly number[]).includes(response.errorCode),
            `${path}.errorCode`,
            `${show(response.errorCode)} cannot be customised; use one of ${oneOf(ERROR_RESPONSE_CODES)}`,
        );
        problems.require(!seen.has(response.errorCode), `${path}.errorCode`, `${show(response.errorCode)} already has a response`);
        seen.add(response.errorCode);
        problems.requireOneOf<number>(response.responseCode, REPLACEMENT_RESPONSE_CODES, `${path}.responseCode`);
        problems.require(
            (response.responseCode === undefined) === (response.responsePagePath === undefined),
            path,
            "set both `responseCode` and `responsePagePath`, or neither",
        );
        if (response.responsePagePath !== undefined) {
            problems.require(
                response.responsePagePath.startsWith("/"),
                `${path}.responsePagePath`,
                `${show(response.responsePagePath)} must be a path starting with '/', e.g. '/index.html'`,
            );
        }
        problems.requireRange(response.cachingMinTtl, { min: 0, max: MAX_TTL_SECONDS }, `${path}.cachingMinTtl`, " seconds");
    }
}
