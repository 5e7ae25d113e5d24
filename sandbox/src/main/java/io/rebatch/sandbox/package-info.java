/**
 * rebatch's sandbox: a seeded scenario generator that produces the app's data and the platforms'
 * order snapshots ({@link io.rebatch.sandbox.generator}), and one HTTP server that simulates the
 * platforms' order APIs on top of a generated scenario ({@link io.rebatch.sandbox.server}). Each
 * platform is one package ({@link io.rebatch.sandbox.taobao}, {@link io.rebatch.sandbox.jd},
 * {@link io.rebatch.sandbox.pdd}) holding its {@link io.rebatch.sandbox.PlatformSimulator}; the
 * core iterates over the registered ones ({@link io.rebatch.sandbox.Simulators}).
 *
 * <p>The sandbox produces inputs and serves APIs; it never computes expected balances, shares or
 * attribution results. Those are rebatch's job, and tests compare rebatch against hand-written
 * numbers, not against the sandbox.
 */
package io.rebatch.sandbox;
