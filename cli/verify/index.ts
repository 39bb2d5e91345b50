/**
 * `aws-euc verify`: checks a deployed site from the outside (HTTPS redirect, TLS version,
 * certificate, HSTS and security headers). A library; the CLI wires `runVerify`.
 */
export { verifySite } from "./verifySite";
export type { VerifyOptions } from "./verifySite";
export { renderVerifyReport } from "./report";
export type { VerifyCheck, VerifyReport } from "./report";
export { runVerify, parseVerifyArgs } from "./run";
export type { VerifyIo } from "./run";
