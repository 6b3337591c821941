package org.fugitivetracker.synthetic;

import java.util.List;
import java.util.Locale;

/**
 * What a synthetic-data command did: rows and seconds per step, the total, and the generator's peak
 * heap. Printed as a markdown table, ready to paste into docs/benchmarks.md.
 */
record LoadReport(String title, List<Step> steps, double totalSeconds, long peakHeapBytes) {

	record Step(String name, long rows, double seconds) {
	}

	/** Rows of the steps of that name, whichever part of a parallel load ("1: fugitive") ran them. */
	long rows(String name) {
		return steps.stream()
			.filter(step -> step.name().equals(name) || step.name().endsWith(": " + name))
			.mapToLong(Step::rows)
			.sum();
	}

	long totalRows() {
		return steps.stream().mapToLong(Step::rows).sum();
	}

	String toMarkdown() {
		StringBuilder out = new StringBuilder();
		out.append(title).append("\n\n");
		out.append("| step | rows | seconds | rows/s |\n");
		out.append("|---|---:|---:|---:|\n");
		for (Step step : steps) {
			out.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %s |%n", step.name(), step.rows(), step.seconds(),
					rate(step.rows(), step.seconds())));
		}
		out.append(String.format(Locale.ROOT, "| **total** | **%,d** | **%.2f** | %s |%n", totalRows(), totalSeconds,
				rate(totalRows(), totalSeconds)));
		out.append(String.format(Locale.ROOT, "%nPeak Java heap used by the command: %d MiB%n",
				peakHeapBytes / (1024 * 1024)));
		return out.toString();
	}

	private static String rate(long rows, double seconds) {
		return (rows > 0 && seconds > 0) ? String.format(Locale.ROOT, "%,.0f", rows / seconds) : "";
	}

}
