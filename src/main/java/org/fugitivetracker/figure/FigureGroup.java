package org.fugitivetracker.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.operation.Operation;

/**
 * Figures reported for the same period and scope (an operation, a case, a set of countries), so
 * that "more than 860 brought back" and "including 196 corrupt officials" read together.
 */
public record FigureGroup(PartialDate periodFrom, PartialDate periodTo, Operation operation, CaseFile caseFile,
		Set<String> countries, List<FigureView> figures) {

	/** Groups in order of first appearance; the figures keep their order. */
	public static List<FigureGroup> of(List<FigureView> views) {
		Map<List<Object>, List<FigureView>> groups = new LinkedHashMap<>();
		for (FigureView view : views) {
			ReportedFigure figure = view.figure();
			List<Object> key = new ArrayList<>();
			key.add(Objects.toString(figure.getPeriodFrom()));
			key.add(Objects.toString(figure.getPeriodTo()));
			key.add(figure.getOperation() == null ? null : figure.getOperation().getId());
			key.add(figure.getCaseFile() == null ? null : figure.getCaseFile().getId());
			key.add(Set.copyOf(figure.getCountries()));
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(view);
		}
		return groups.values().stream().map(FigureGroup::ofOne).toList();
	}

	private static FigureGroup ofOne(List<FigureView> views) {
		ReportedFigure first = views.get(0).figure();
		return new FigureGroup(first.getPeriodFrom(), first.getPeriodTo(), first.getOperation(), first.getCaseFile(),
				first.getCountries(), List.copyOf(views));
	}

	/** An anchor for links to this group. */
	public String anchor() {
		return "figures-" + figures.get(0).figure().getId();
	}

}
