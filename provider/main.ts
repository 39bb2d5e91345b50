#!/usr/bin/env node
/**
 * The plugin entry point: `pulumi package add` and the Pulumi engine start this program (see
 * `PulumiPlugin.yaml`); it prints the port of its gRPC server and serves GetSchema and Construct.
 */
import { main } from "@pulumi/pulumi/provider";
import { EucProvider } from "./provider";

void main(new EucProvider(), process.argv.slice(2));
