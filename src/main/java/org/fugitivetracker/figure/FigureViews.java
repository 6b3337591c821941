package org.fugitivetracker.figure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationRepository;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepares reported figures for a page in a fixed number of statements: their citations in one
 * query, their reconciliation in one, their countries and related figures batch-fetched.
 */
@Service
public class FigureViews {

	private final ReportedFigureRepository figures;

	private final CitationRepository citations;

	private final Reconciliation reconciliation;

	FigureViews(ReportedFigureRepository figures, CitationRepository citations, Reconciliation reconciliation) {
		this.figures = figures;
		this.citations = citations;
		this.reconciliation = reconciliation;
	}

	/** Every reported figure, ordered by period. */
	@Transactional(readOnly = true)
	public List<FigureView> all() {
		return views(figures.findAllWithCountries());
	}

	/**
	 * Every reported figure with its citations, ordered by period, without what the records give
	 * for it (the dashboard shows the figures as reported; reconciling them is the figures page's).
	 */
	@Transactional(readOnly = true)
	public List<FigureView> allAsReported() {
		List<ReportedFigure> rows = figures.findAllWithScope();
		Map<Long, List<Citation>> byFigure = citations.findForEveryFigure()
			.stream()
			.collect(Collectors.groupingBy(Citation::getReportedFigureId));
		return rows.stream()
			.map(figure -> new FigureView(figure, null, byFigure.getOrDefault(figure.getId(), List.of())))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<FigureView> forCase(long caseId) {
		return views(figures.findByCaseFileIdOrderById(caseId));
	}

	@Transactional(readOnly = true)
	public List<FigureView> forOperation(long operationId) {
		return views(figures.findByOperationIdOrderById(operationId));
	}

	/** Runs in the caller's transaction: the figures must still be attached. */
	private List<FigureView> views(List<ReportedFigure> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		for (ReportedFigure figure : rows) {
			Hibernate.initialize(figure.getCountries());
			Hibernate.initialize(figure.getOperation());
			Hibernate.initialize(figure.getCaseFile());
			Hibernate.initialize(figure.getPartOf());
			Hibernate.initialize(figure.getEquivalentOf());
			Hibernate.initialize(figure.getStatedByAgency());
			Hibernate.initialize(figure.getStatedByOfficial());
		}
		Map<Long, List<Citation>> byFigure = citationsOf(rows);
		Map<Long, Reconciliation.Result> reconciled = reconciliation.reconcile(rows);
		return rows.stream()
			.map(figure -> new FigureView(figure, reconciled.get(figure.getId()),
					byFigure.getOrDefault(figure.getId(), List.of())))
			.toList();
	}

	private Map<Long, List<Citation>> citationsOf(List<ReportedFigure> rows) {
		if (rows.isEmpty()) {
			return Map.of();
		}
		return citations.findForFigures(rows.stream().map(ReportedFigure::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(Citation::getReportedFigureId));
	}

}
