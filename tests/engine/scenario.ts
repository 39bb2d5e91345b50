import { EngineOptions, MockEngine } from "../../engine";

/** Starts a fresh engine, runs `build`, and waits for every registration it caused. */
export async function planOn<T>(options: EngineOptions, build: () => T): Promise<{ engine: MockEngine; built: T }> {
    const engine = MockEngine.start(options);
    const built = build();
    await engine.settle();
    return { engine, built };
}

/** The message of the error that `build` throws on a fresh engine; fails when it does not throw. */
export function rejectionOf(options: EngineOptions, build: () => unknown): string {
    MockEngine.start(options);
    try {
        build();
    } catch (err) {
        return (err as Error).message;
    }
    throw new Error("expected the arguments to be rejected");
}
