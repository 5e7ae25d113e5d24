/**
 * The seeded scenario generator ({@link io.rebatch.sandbox.generator.ScenarioGenerator}), its
 * model (population, bindings, clicks, generated lines and their snapshot timelines), what it lends
 * the platform simulators (order drafts, timelines, draws, scenario files) and the writer that lays
 * a scenario out as files ({@link io.rebatch.sandbox.generator.ScenarioWriter}). Nothing here knows
 * a platform by name.
 */
package io.rebatch.sandbox.generator;
