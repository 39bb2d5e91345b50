// Readers of a distribution's props shared by the CloudFront policies.
import { isSet } from "./relations";

/** Every behavior of a distribution with a readable label. */
export function behaviors(props: Record<string, any>): { label: string; behavior: Record<string, any> }[] {
    const ordered = (props.orderedCacheBehaviors ?? []) as Record<string, any>[];
    return [
        ...(props.defaultCacheBehavior ? [{ label: "the default behavior", behavior: props.defaultCacheBehavior }] : []),
        ...ordered.map((behavior) => ({ label: `behavior '${behavior.pathPattern}'`, behavior })),
    ];
}

export function origins(props: Record<string, any>): Record<string, any>[] {
    return (props.origins ?? []) as Record<string, any>[];
}

/** S3 REST endpoints (not website endpoints, which are custom origins). */
export function isS3Origin(origin: Record<string, any>): boolean {
    const domain = String(origin.domainName ?? "");
    return origin.s3OriginConfig !== undefined || (/\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(domain) && !/\.s3-website[.-]/.test(domain));
}

/** Whether the distribution serves its own certificate (an ACM ARN still unknown in a preview counts). */
export function usesCustomCertificate(props: Record<string, any>): boolean {
    const cert = props.viewerCertificate ?? {};
    return (isSet(cert, "acmCertificateArn") || isSet(cert, "iamCertificateId")) && cert.cloudfrontDefaultCertificate !== true;
}

/** Whether any behavior lets viewers use plain HTTP. */
export function allowsPlainHttp(props: Record<string, any>): boolean {
    return behaviors(props).some(({ behavior }) => behavior.viewerProtocolPolicy === "allow-all");
}
