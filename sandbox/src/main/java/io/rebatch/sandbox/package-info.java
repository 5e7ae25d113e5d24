/**
 * rebatch's sandbox: a seeded scenario generator that produces the app's data and the platforms'
 * order snapshots ({@link io.rebatch.sandbox.generator}), the platforms' real wire formats
 * ({@link io.rebatch.sandbox.format}), and one HTTP server that simulates the Taobao, JD and
 * Pinduoduo order APIs on top of a generated scenario ({@link io.rebatch.sandbox.server}).
 *
 * <p>The sandbox produces inputs and serves APIs; it never computes expected balances, shares or
 * attribution results. Those are rebatch's job, and tests compare rebatch against hand-written
 * numbers, not against the sandbox.
 */
package io.rebatch.sandbox;
