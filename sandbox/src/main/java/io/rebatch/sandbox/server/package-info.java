/**
 * The sandbox HTTP server ({@link io.rebatch.sandbox.server.SandboxServer}): routing every
 * registered platform's {@link io.rebatch.sandbox.server.Gateway} at its real path, seeded fault
 * injection, counters and the served-rows log, plus what gateways share (request parameters,
 * signatures, credentials). Nothing here knows a platform by name, except shorthands kept for
 * existing callers.
 */
package io.rebatch.sandbox.server;
