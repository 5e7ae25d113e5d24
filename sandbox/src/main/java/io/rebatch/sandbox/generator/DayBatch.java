package io.rebatch.sandbox.generator;

import java.time.LocalDate;
import java.util.List;

/** Everything generated from one creation day's seed: the lines created that day and their clicks. */
public record DayBatch(LocalDate day, List<GeneratedLine> lines, List<GeneratedClick> clicks) {
}
