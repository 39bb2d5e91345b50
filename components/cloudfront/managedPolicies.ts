/**
 * AWS managed CloudFront policies, by the name the console shows (without the `Managed-` prefix)
 * and their fixed, account-independent ids. Using the ids directly avoids one lookup per policy
 * and lets an unknown name fail at construction instead of at deploy time.
 */
export const MANAGED_CACHE_POLICIES = {
    CachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    CachingOptimizedForUncompressedObjects: "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
    CachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    "Elemental-MediaPackage": "08627262-05a9-4f76-9ded-b50ca2e3a84f",
    Amplify: "2e54312d-136d-493c-8eb9-b001f22f67d2",
    UseOriginCacheControlHeaders: "83da9c7e-98b4-4e11-a168-04f0df8e2c65",
    "UseOriginCacheControlHeaders-QueryStrings": "4cc15a8a-d715-48a4-82b8-cc0b614638fe",
} as const;

export const MANAGED_ORIGIN_REQUEST_POLICIES = {
    AllViewer: "216adef6-5c7f-47e4-b989-5492eafa07d3",
    AllViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
    "AllViewerAndCloudFrontHeaders-2022-06": "33f36d7e-f396-46d9-90e0-52428a34d9dc",
    "CORS-CustomOrigin": "59781a5b-3903-41f3-afcb-af62929ccde1",
    "CORS-S3Origin": "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
    UserAgentRefererHeaders: "acba4595-bd28-49b8-b9fe-13317c0390fa",
    "Elemental-MediaTailor-PersonalizedManifests": "775133bc-15f2-49f9-abea-afb2e0bf67d2",
} as const;

export const MANAGED_RESPONSE_HEADERS_POLICIES = {
    SecurityHeadersPolicy: "67f7725c-6f97-4210-82d7-5512b31e9d03",
    SimpleCORS: "60669652-455b-4ae9-85a4-c4c02393f86c",
    "CORS-With-Preflight": "5cc3b908-e619-4b99-88e5-2cf7f45965bd",
    "CORS-and-SecurityHeadersPolicy": "e61eb60c-9c35-4d20-a928-2b84e02af89c",
    "CORS-with-preflight-and-SecurityHeadersPolicy": "eaab4381-ed33-4a86-88ca-d9558dc6cd63",
} as const;

export type ManagedCachePolicyName = keyof typeof MANAGED_CACHE_POLICIES;
export type ManagedOriginRequestPolicyName = keyof typeof MANAGED_ORIGIN_REQUEST_POLICIES;
export type ManagedResponseHeadersPolicyName = keyof typeof MANAGED_RESPONSE_HEADERS_POLICIES;
