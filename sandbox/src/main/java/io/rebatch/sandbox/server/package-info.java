/**
 * The sandbox HTTP server ({@link io.rebatch.sandbox.server.SandboxServer}): Taobao, JD and
 * Pinduoduo order APIs at their real gateway paths, with their signing, limits, paging, error
 * envelopes, throttling and Pinduoduo's updates-while-paging, serving a generated scenario.
 */
package io.rebatch.sandbox.server;
