export * from "./engine";
export * from "./cloud";
export { mockResource } from "./resourceOutputs";
export { mockInvoke } from "./invokeOutputs";
export * from "./rules";
export * from "./wire";
