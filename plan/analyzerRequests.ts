// Requests of the analyzer protocol, built as the Pulumi engine builds them: the gate's client
// sends them over gRPC, the bench hands them to the SDK's handlers in-process.
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import type { AnalyzedResource } from "./policyServer";

function options(resource: AnalyzedResource): analyzer.AnalyzerResourceOptions {
    const opts = new analyzer.AnalyzerResourceOptions();
    opts.setProtect(resource.protect ?? false);
    opts.setIgnorechangesList(resource.ignoreChanges ?? []);
    opts.setDeletebeforereplace(false);
    opts.setDeletebeforereplacedefined(false);
    opts.setAdditionalsecretoutputsList([]);
    opts.setAliasesList([]);
    opts.setCustomtimeouts(new analyzer.AnalyzerResourceOptions.CustomTimeouts());
    opts.setParent(resource.parent ?? "");
    return opts;
}

/** A protobuf Struct of plain JSON. */
export function struct(value: Record<string, unknown>): structProto.Struct {
    // Struct cannot hold `undefined`; JSON drops it the way the engine does.
    return structProto.Struct.fromJavaScript(JSON.parse(JSON.stringify(value)));
}

function providerOf(resource: AnalyzedResource): analyzer.AnalyzerProviderResource | undefined {
    if (!resource.provider) {
        return undefined;
    }
    const provider = new analyzer.AnalyzerProviderResource();
    provider.setType(resource.provider.type);
    provider.setName(resource.provider.name);
    provider.setUrn(resource.provider.urn);
    provider.setProperties(struct(resource.provider.props));
    return provider;
}

/** The request of `Analyze` and `Remediate`: one resource with its props and options. */
export function analyzeRequest(resource: AnalyzedResource): analyzer.AnalyzeRequest {
    const request = new analyzer.AnalyzeRequest();
    request.setType(resource.type);
    request.setName(resource.name);
    request.setUrn(resource.urn);
    request.setProperties(struct(resource.props));
    request.setOptions(options(resource));
    request.setProvider(providerOf(resource));
    return request;
}

/** The request of `AnalyzeStack`: every resource with its options, parent, dependencies and provider. */
export function analyzeStackRequest(resources: AnalyzedResource[]): analyzer.AnalyzeStackRequest {
    const request = new analyzer.AnalyzeStackRequest();
    request.setResourcesList(
        resources.map((resource) => {
            const r = new analyzer.AnalyzerResource();
            r.setType(resource.type);
            r.setName(resource.name);
            r.setUrn(resource.urn);
            r.setProperties(struct(resource.props));
            r.setOptions(options(resource));
            r.setParent(resource.parent ?? "");
            r.setDependenciesList(resource.dependencies ?? []);
            r.setProvider(providerOf(resource));
            for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                r.getPropertydependenciesMap().set(key, new analyzer.AnalyzerPropertyDependencies().setUrnsList(urns));
            }
            return r;
        }),
    );
    return request;
}
