/**
 * The seeded scenario generator ({@link io.rebatch.sandbox.generator.ScenarioGenerator}), its
 * model (users, bindings, clicks, order lines and their snapshot timelines) and the writer that
 * lays a scenario out as files ({@link io.rebatch.sandbox.generator.ScenarioWriter}).
 */
package io.rebatch.sandbox.generator;
