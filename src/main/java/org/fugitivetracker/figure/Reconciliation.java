package org.fugitivetracker.figure;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.fugitivetracker.event.EventType;
import org.springframework.stereotype.Component;

/**
 * What the database's own records give for the scope and period of a reported figure, so that an
 * analyst sees what the records do not yet cover ("reported: 48 returned from the U.S. in 2015 —
 * recorded: 1"). The rules, one per kind of metric:
 * <ul>
 * <li>{@link Rule#RETURNS} (people returned, brought back, repatriated): the number of people with
 * a recorded return event (surrender, repatriation, forced repatriation, deportation, extradition)
 * <ul>
 * <li>from one of the figure's countries, if it names any (the event's country is where the person
 * came back from);</li>
 * <li>dated certainly within the figure's period: the event's whole date (a month, a year) lies
 * between the first day of the period's start and the last day of its end; undated events count
 * only for figures without a period;</li>
 * <li>for a figure about an operation: recorded under that operation, or about a person on one of
 * its wanted lists;</li>
 * <li>for a figure about a case: about a person in that case.</li>
 * </ul>
 * The records do not tell economic fugitives from corrupt officials, so every return counts for
 * both.</li>
 * <li>{@link Rule#FORCED_RETURNS}: the same, counting forced repatriations only.</li>
 * <li>{@link Rule#CASE_PARTICIPANTS}: the people recorded in the figure's case.</li>
 * <li>{@link Rule#CASE_PARTICIPANTS_AT_LARGE}: those of them whose status is at large.</li>
 * <li>{@link Rule#NOT_TRACKED}: money, underground banks, arrests of suspects and shares have no
 * record equivalent.</li>
 * </ul>
 * Only sourced records count: synthetic rows (load-test data) must never be mistaken for evidence,
 * and at a million of them the counts would scan millions of events per page (the partial index of
 * V9 holds the sourced events only).
 *
 * <p>
 * All counts of a page come from one SQL statement, whatever the number of figures.
 */
@Component
public class Reconciliation {

	public enum Rule {

		RETURNS, FORCED_RETURNS, CASE_PARTICIPANTS, CASE_PARTICIPANTS_AT_LARGE, NOT_TRACKED;

		private static final Map<String, Rule> BY_METRIC = Map.of("FUGITIVES_RETURNED", RETURNS,
				"ECONOMIC_FUGITIVES_RETURNED", RETURNS, "CORRUPT_OFFICIALS_RETURNED", RETURNS,
				"FUGITIVES_FORCIBLY_REPATRIATED", FORCED_RETURNS, "CASE_FUGITIVES", CASE_PARTICIPANTS,
				"CASE_FUGITIVES_AT_LARGE", CASE_PARTICIPANTS_AT_LARGE);

		public static Rule forMetric(String metric) {
			return BY_METRIC.getOrDefault(metric, NOT_TRACKED);
		}

		public boolean tracked() {
			return this != NOT_TRACKED;
		}

		static Set<String> metrics(Set<Rule> rules) {
			return BY_METRIC.entrySet()
				.stream()
				.filter(entry -> rules.contains(entry.getValue()))
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet());
		}

	}

	/** What the records give for one figure; {@code recorded} is null when the metric is not tracked. */
	public record Result(Rule rule, Long recorded) {

		public boolean tracked() {
			return recorded != null;
		}

	}

	// A partial date's period ends on partial_date_last_day(), the database's form of PartialDate.latestDay().
	private static final String SQL = """
			select rf.id,
			  case
			    when rf.metric in (:returnMetrics) then (
			      select count(distinct e.fugitive_id) from event e
			      where not e.synthetic and e.type in (:returnTypes)
			        and (rf.metric not in (:forcedMetrics) or e.type = 'FORCED_REPATRIATION')
			        and (not exists (select 1 from reported_figure_country rc where rc.reported_figure_id = rf.id)
			             or e.country_code in (select rc.country_code from reported_figure_country rc
			                                   where rc.reported_figure_id = rf.id))
			        and (rf.period_from_date is null
			             or (e.occurred_date is not null and e.occurred_date >= rf.period_from_date))
			        and (rf.period_to_date is null
			             or (e.occurred_date is not null
			                 and partial_date_last_day(e.occurred_date, e.occurred_precision)
			                     <= partial_date_last_day(rf.period_to_date, rf.period_to_precision)))
			        and (rf.operation_id is null or e.operation_id = rf.operation_id or exists (
			              select 1 from list_membership lm join wanted_list wl on wl.id = lm.wanted_list_id
			              where wl.operation_id = rf.operation_id and lm.fugitive_id = e.fugitive_id))
			        and (rf.case_id is null or exists (
			              select 1 from case_participant cp
			              where cp.case_id = rf.case_id and cp.fugitive_id = e.fugitive_id)))
			    when rf.metric in (:participantMetrics) then (
			      select count(*) from case_participant cp where cp.case_id = rf.case_id)
			    when rf.metric in (:atLargeMetrics) then (
			      select count(*) from case_participant cp join fugitive f on f.id = cp.fugitive_id
			      where cp.case_id = rf.case_id and f.status = 'AT_LARGE')
			  end
			from reported_figure rf
			where rf.id in (:ids)
			""";

	/** A row of {@link #SQL}: a figure and what the records give for it (null where no branch counts its metric). */
	record Count(long figureId, Long recorded) {
	}

	private final EntityManager entityManager;

	Reconciliation(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** The result for each figure, by figure id; one statement for all tracked figures. */
	public Map<Long, Result> reconcile(Collection<ReportedFigure> figures) {
		Map<Long, Result> results = new HashMap<>();
		List<Long> tracked = figures.stream()
			.filter(figure -> Rule.forMetric(figure.getMetric()).tracked())
			.map(ReportedFigure::getId)
			.toList();
		Map<Long, Long> counts = tracked.isEmpty() ? Map.of() : count(tracked);
		for (ReportedFigure figure : figures) {
			Rule rule = Rule.forMetric(figure.getMetric());
			Long recorded = rule.tracked() ? counts.getOrDefault(figure.getId(), 0L) : null;
			results.put(figure.getId(), new Result(rule, recorded));
		}
		return results;
	}

	private Map<Long, Long> count(List<Long> figureIds) {
		List<String> returnTypes = EventType.RETURNS.stream().map(Enum::name).toList();
		@SuppressWarnings("unchecked")
		List<Count> rows = entityManager.createNativeQuery(SQL, Count.class)
			.setParameter("returnMetrics", Rule.metrics(EnumSet.of(Rule.RETURNS, Rule.FORCED_RETURNS)))
			.setParameter("forcedMetrics", Rule.metrics(EnumSet.of(Rule.FORCED_RETURNS)))
			.setParameter("participantMetrics", Rule.metrics(EnumSet.of(Rule.CASE_PARTICIPANTS)))
			.setParameter("atLargeMetrics", Rule.metrics(EnumSet.of(Rule.CASE_PARTICIPANTS_AT_LARGE)))
			.setParameter("returnTypes", returnTypes)
			.setParameter("ids", figureIds)
			.getResultList();
		Map<Long, Long> counts = new HashMap<>();
		for (Count row : rows) {
			counts.put(row.figureId(), row.recorded() == null ? 0L : row.recorded());
		}
		return counts;
	}

}
