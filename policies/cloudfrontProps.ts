// Readers of a distribution's props shared by the CloudFront policies.
import { isSet } from "./relations";

/**
 * The elements of a list of props (none for undefined), in a plain array. The SDK hands a
 * policy its props behind a proxy that wraps every value it gives out, array methods and their
 * internals (`filter`, `length`, `constructor`, each index) included: reading the elements once
 * by index costs a proxied read each, and the array methods then run on a plain array. The
 * elements are the same objects (still proxied in a check, plain in a fix, which changes them).
 */
export function itemsOf<T = Record<string, any>>(list: unknown): T[] {
    const proxied = (list ?? []) as T[];
    const items: T[] = [];
    for (let i = 0, n = proxied.length; i < n; i++) {
        items.push(proxied[i]);
    }
    return items;
}

/** Every behavior of a distribution with a readable label. */
export function behaviors(props: Record<string, any>): { label: string; behavior: Record<string, any> }[] {
    const ordered = itemsOf(props.orderedCacheBehaviors);
    const found: { label: string; behavior: Record<string, any> }[] = [];
    const defaultBehavior = props.defaultCacheBehavior;
    if (defaultBehavior) {
        found.push({ label: "the default behavior", behavior: defaultBehavior });
    }
    for (const behavior of ordered) {
        found.push({ label: `behavior '${behavior.pathPattern}'`, behavior });
    }
    return found;
}

export function origins(props: Record<string, any>): Record<string, any>[] {
    return itemsOf(props.origins);
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
