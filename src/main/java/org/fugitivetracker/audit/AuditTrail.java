package org.fugitivetracker.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.fugitive.ExternalIdentifier;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.photo.FugitivePhoto;
import org.fugitivetracker.fugitive.ListMembership;
import org.fugitivetracker.revision.AuditRevision;
import org.fugitivetracker.revision.EntityRevision;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.web.RecordNotFoundException;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.criteria.AuditCriterion;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail (Hibernate Envers): revisions newest first with what each changed, field
 * by field (before → after, against the record's previous revision), written as a person reads
 * them ({@link ChangeWriter}); one revision's records a page at a time; the history of one
 * fugitive or case (their own revisions and those of their events, citations and transfers).
 * History starts at the baseline revision V5 wrote when the trail was installed. A page of the
 * trail reads each kind of record once, whatever the number of revisions and records it shows.
 */
@Service
public class AuditTrail {

	/** The revision V5 writes when it installs the trail: every record as it stood then. */
	static final long BASELINE = 1;

	/** A revision that changed more records than this is shown as one line, its records on a page of their own. */
	static final int INLINE_RECORDS = 50;

	/** The order entity types are listed in within one revision. */
	private static final List<Class<?>> ORDER = List.of(Fugitive.class, ExternalIdentifier.class,
			ListMembership.class, CaseFile.class, Event.class, AssetTransfer.class, FugitivePhoto.class, Citation.class,
			Source.class);

	/** Filters of the trail; every part optional. {@code to} is inclusive. */
	public record Filter(String user, String entity, LocalDate from, LocalDate to) {
	}

	/** One revision and a page of the records it changed. */
	public record RevisionPage(RevisionView revision, Page<EntityChange> records) {
	}

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	private final ChangeWriter writer;

	private final AuditLabels labels;

	AuditTrail(EntityManager entityManager, JdbcTemplate jdbc, ChangeWriter writer, AuditLabels labels) {
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.writer = writer;
		this.labels = labels;
	}

	/** One page of revisions, newest first, with their changes (only those of {@code entity}, if given). */
	@Transactional(readOnly = true)
	public Page<RevisionView> revisions(Filter filter, int page, int size, Locale locale) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (filter.user() != null) {
			where.append(" and r.username = :user");
			parameters.put("user", filter.user());
		}
		if (filter.from() != null) {
			where.append(" and r.changedAt >= :from");
			parameters.put("from", startOf(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and r.changedAt < :to");
			parameters.put("to", startOf(filter.to().plusDays(1)));
		}
		Class<?> entityType = filter.entity() == null ? null : AuditedEntities.byName(filter.entity()).orElseThrow();
		if (entityType != null) {
			where.append(" and :entity member of r.modifiedEntityNames");
			parameters.put("entity", entityType.getName());
		}
		TypedQuery<AuditRevision> query = entityManager
			.createQuery("select r from AuditRevision r" + where + " order by r.id desc", AuditRevision.class);
		TypedQuery<Long> count = entityManager.createQuery("select count(r) from AuditRevision r" + where, Long.class);
		parameters.forEach((name, value) -> {
			query.setParameter(name, value);
			count.setParameter(name, value);
		});
		List<AuditRevision> revisions = query.setFirstResult(page * size).setMaxResults(size).getResultList();
		List<Class<?>> types = entityType == null ? ORDER : List.of(entityType);
		Map<Long, Long> records = recordCounts(revisions.stream().map(AuditRevision::getId).toList(), types);
		List<Long> inline = revisions.stream()
			.map(AuditRevision::getId)
			.filter(id -> !collapsed(id, records.getOrDefault(id, 0L)))
			.toList();
		List<EntityRevision> rows = new ArrayList<>();
		for (Class<?> type : types) {
			if (!inline.isEmpty() && revisions.stream()
				.anyMatch(r -> inline.contains(r.getId()) && r.getModifiedEntityNames().contains(type.getName()))) {
				rows.addAll(rowsOf(type, AuditEntity.revisionNumber().in(inline)));
			}
		}
		Map<Long, List<EntityChange>> changes = changesByRevision(rows, locale);
		List<RevisionView> views = revisions.stream()
			.map(revision -> view(revision, changes.getOrDefault(revision.getId(), List.of()),
					records.getOrDefault(revision.getId(), 0L), locale))
			.toList();
		return new PageImpl<>(views, PageRequest.of(page, size), count.getSingleResult());
	}

	/** One revision with a page of the records it changed, in the trail's order of types, then by id. */
	@Transactional(readOnly = true)
	public RevisionPage revision(long id, int page, int size, Locale locale) {
		AuditRevision revision = entityManager.find(AuditRevision.class, id);
		if (revision == null) {
			throw new RecordNotFoundException("revision", id);
		}
		Map<Class<?>, Long> counts = countsByType(id);
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		long skip = (long) page * size;
		int wanted = size;
		List<EntityRevision> rows = new ArrayList<>();
		for (Class<?> type : ORDER) {
			long inType = counts.getOrDefault(type, 0L);
			if (wanted == 0 || inType == 0) {
				continue;
			}
			if (skip >= inType) {
				skip -= inType;
				continue;
			}
			List<EntityRevision> slice = EntityRevision.all(reader().createQuery()
				.forRevisionsOfEntity(type, false, true)
				.add(AuditEntity.revisionNumber().eq(id))
				.addOrder(AuditEntity.id().asc())
				.setFirstResult((int) skip)
				.setMaxResults(wanted)
				.getResultList());
			rows.addAll(slice);
			wanted -= slice.size();
			skip = 0;
		}
		List<EntityChange> changes = changesByRevision(rows, locale).getOrDefault(id, List.of());
		RevisionView view = new RevisionView(revision.getId(), revision.getUsername(), seconds(revision.getChangedAt()),
				labels.when(revision.getChangedAt(), locale), revision.getReason(), changes, total, id == BASELINE,
				false);
		return new RevisionPage(view, new PageImpl<>(changes, PageRequest.of(page, size), total));
	}

	/** Everyone who has made a change, for the trail's filter. */
	@Transactional(readOnly = true)
	public List<String> usernames() {
		return entityManager.createQuery("select distinct r.username from AuditRevision r order by r.username", String.class)
			.getResultList();
	}

	/** When the trail starts (the baseline revision), or null on an empty trail. */
	@Transactional(readOnly = true)
	public Instant startedAt() {
		return entityManager.createQuery("select min(r.changedAt) from AuditRevision r", Instant.class).getSingleResult();
	}

	/**
	 * A fugitive's history: the fugitive, its identifiers and places on wanted lists, its events,
	 * their citations, its asset transfers and photos; newest first.
	 */
	@Transactional(readOnly = true)
	public List<RevisionView> fugitiveHistory(long fugitiveId, Locale locale) {
		List<EntityRevision> rows = new ArrayList<>();
		rows.addAll(rowsOf(Fugitive.class, AuditEntity.id().eq(fugitiveId)));
		rows.addAll(rowsOf(ExternalIdentifier.class, AuditEntity.relatedId("fugitive").eq(fugitiveId)));
		rows.addAll(rowsOf(ListMembership.class, AuditEntity.relatedId("fugitive").eq(fugitiveId)));
		List<EntityRevision> events = rowsOf(Event.class, AuditEntity.relatedId("fugitive").eq(fugitiveId));
		rows.addAll(events);
		rows.addAll(rowsOf(Citation.class, citationsOf("fugitiveId", fugitiveId, events)));
		rows.addAll(rowsOf(AssetTransfer.class, AuditEntity.relatedId("fugitive").eq(fugitiveId)));
		rows.addAll(rowsOf(FugitivePhoto.class, AuditEntity.property("fugitiveId").eq(fugitiveId)));
		return history(rows, locale);
	}

	/** A case's history: the case (with its people and agencies), its events, citations and transfers. */
	@Transactional(readOnly = true)
	public List<RevisionView> caseHistory(long caseId, Locale locale) {
		List<EntityRevision> rows = new ArrayList<>();
		rows.addAll(rowsOf(CaseFile.class, AuditEntity.id().eq(caseId)));
		List<EntityRevision> events = rowsOf(Event.class, AuditEntity.relatedId("caseFile").eq(caseId));
		rows.addAll(events);
		rows.addAll(rowsOf(Citation.class, citationsOf("caseId", caseId, events)));
		rows.addAll(rowsOf(AssetTransfer.class, AuditEntity.relatedId("caseFile").eq(caseId)));
		return history(rows, locale);
	}

	/** The last revision made before the end of {@code day} (UTC), if the trail reaches back that far. */
	@Transactional(readOnly = true)
	public Optional<Long> revisionAtEndOf(LocalDate day) {
		return Optional.ofNullable(entityManager
			.createQuery("select max(r.id) from AuditRevision r where r.changedAt < :end", Long.class)
			.setParameter("end", startOf(day.plusDays(1)))
			.getSingleResult());
	}

	AuditReader reader() {
		return AuditReaderFactory.get(entityManager);
	}

	PersistenceUnitUtil units() {
		return entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
	}

	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static boolean collapsed(long revision, long records) {
		return revision == BASELINE || records > INLINE_RECORDS;
	}

	/** How many records each revision changed (of these types): one statement for the whole page. */
	private Map<Long, Long> recordCounts(List<Long> revisions, List<Class<?>> types) {
		Map<Long, Long> counts = new HashMap<>();
		if (revisions.isEmpty()) {
			return counts;
		}
		String union = String.join(" union all ", types.stream()
			.map(type -> "select rev from " + AuditedFields.TABLES.get(type) + " where rev = any (?)")
			.toList());
		Long[] ids = revisions.toArray(Long[]::new);
		jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(
					"select rev, count(*) from (" + union + ") changed group by rev");
			for (int i = 1; i <= types.size(); i++) {
				statement.setArray(i, connection.createArrayOf("bigint", ids));
			}
			return statement;
		}, (ResultSet row) -> {
			counts.put(row.getLong(1), row.getLong(2));
		});
		return counts;
	}

	/** How many records of each type one revision changed. */
	private Map<Class<?>, Long> countsByType(long revision) {
		Map<Class<?>, Long> counts = new HashMap<>();
		String union = String.join(" union all ", ORDER.stream()
			.map(type -> "select " + ORDER.indexOf(type) + " as type, count(*) from " + AuditedFields.TABLES.get(type)
					+ " where rev = ?")
			.toList());
		jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(union);
			for (int i = 1; i <= ORDER.size(); i++) {
				statement.setLong(i, revision);
			}
			return statement;
		}, (ResultSet row) -> {
			counts.put(ORDER.get(row.getInt(1)), row.getLong(2));
		});
		return counts;
	}

	/**
	 * The changes of these rows (of one or more revisions), each against the record's previous
	 * revision, by revision: per type one statement for the rows before, and per collection one.
	 */
	private Map<Long, List<EntityChange>> changesByRevision(List<EntityRevision> rows, Locale locale) {
		if (rows.isEmpty()) {
			return Map.of();
		}
		PersistenceUnitUtil units = units();
		List<EntityRevision> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparing((EntityRevision row) -> row.revision().getId())
			.thenComparing(row -> ORDER.indexOf(row.entity().getClass()))
			.thenComparing(row -> ((Number) units.getIdentifier(row.entity())).longValue()));
		long upTo = sorted.stream().mapToLong(row -> row.revision().getId()).max().orElseThrow();

		Map<Class<?>, Set<Object>> changedIds = new LinkedHashMap<>();
		Map<Class<?>, Set<Object>> allIds = new LinkedHashMap<>();
		for (EntityRevision row : sorted) {
			Object id = units.getIdentifier(row.entity());
			allIds.computeIfAbsent(row.entity().getClass(), type -> new LinkedHashSet<>()).add(id);
			if (row.type() != RevisionType.ADD) {
				changedIds.computeIfAbsent(row.entity().getClass(), type -> new LinkedHashSet<>()).add(id);
			}
		}
		Map<String, List<EntityRevision>> earlier = new HashMap<>();
		changedIds.forEach((type, ids) -> {
			for (EntityRevision row : rowsOf(type, AuditEntity.and(AuditEntity.id().in(ids),
					AuditEntity.revisionNumber().lt(upTo)))) {
				earlier.computeIfAbsent(key(row.entity(), units), key -> new ArrayList<>()).add(row);
			}
		});
		CollectionHistory collections = CollectionHistory.read(jdbc, allIds, upTo);

		List<RecordChange> changes = new ArrayList<>();
		for (EntityRevision row : sorted) {
			Object id = units.getIdentifier(row.entity());
			long revision = row.revision().getId();
			EntityRevision previous = row.type() == RevisionType.ADD ? null
					: earlier.getOrDefault(key(row.entity(), units), List.of())
						.stream()
						.filter(candidate -> candidate.revision().getId() < revision)
						.max(Comparator.comparing(candidate -> candidate.revision().getId()))
						.orElse(null);
			Map<String, Object> before = previous == null ? null : RecordValues.of(previous.entity(), id,
					previous.revision().getId(), collections, units);
			changes.add(new RecordChange(row.entity().getClass(), id, row.type(), before,
					RecordValues.of(row.entity(), id, revision, collections, units)));
		}
		return byRevision(sorted, writer.write(changes, locale));
	}

	/** Rows of (entity, revision, type) in revision order → revisions newest first with their changes. */
	private List<RevisionView> history(List<EntityRevision> rows, Locale locale) {
		if (rows.isEmpty()) {
			return List.of();
		}
		PersistenceUnitUtil units = units();
		List<EntityRevision> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparing((EntityRevision row) -> row.revision().getId())
			.thenComparing(row -> ORDER.indexOf(row.entity().getClass())));
		Map<Class<?>, Set<Object>> ids = new LinkedHashMap<>();
		sorted.forEach(row -> ids.computeIfAbsent(row.entity().getClass(), type -> new LinkedHashSet<>())
			.add(units.getIdentifier(row.entity())));
		long upTo = sorted.stream().mapToLong(row -> row.revision().getId()).max().orElseThrow();
		CollectionHistory collections = CollectionHistory.read(jdbc, ids, upTo);

		Map<String, Map<String, Object>> lastSeen = new HashMap<>();
		List<RecordChange> changes = new ArrayList<>();
		for (EntityRevision row : sorted) {
			Object id = units.getIdentifier(row.entity());
			String key = key(row.entity(), units);
			Map<String, Object> stored = RecordValues.of(row.entity(), id, row.revision().getId(), collections, units);
			changes.add(new RecordChange(row.entity().getClass(), id, row.type(),
					row.type() == RevisionType.ADD ? null : lastSeen.get(key), stored));
			lastSeen.put(key, stored);
		}
		Map<Long, List<EntityChange>> byRevision = byRevision(sorted, writer.write(changes, locale));
		Map<Long, AuditRevision> revisions = new TreeMap<>(Comparator.reverseOrder());
		sorted.forEach(row -> revisions.put(row.revision().getId(), row.revision()));
		return revisions.values()
			.stream()
			.map(revision -> {
				List<EntityChange> changed = byRevision.getOrDefault(revision.getId(), List.of());
				return view(revision, changed, changed.size(), locale);
			})
			.toList();
	}

	/** The written changes (in the rows' order) grouped by the revision of their row. */
	private static Map<Long, List<EntityChange>> byRevision(List<EntityRevision> rows, List<EntityChange> changes) {
		Map<Long, List<EntityChange>> byRevision = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			byRevision.computeIfAbsent(rows.get(i).revision().getId(), revision -> new ArrayList<>()).add(changes.get(i));
		}
		return byRevision;
	}

	private static String key(Object entity, PersistenceUnitUtil units) {
		return entity.getClass().getName() + "#" + units.getIdentifier(entity);
	}

	private AuditCriterion citationsOf(String subjectProperty, long subjectId, List<EntityRevision> events) {
		List<Object> eventIds = events.stream().map(row -> units().getIdentifier(row.entity())).distinct().toList();
		AuditCriterion own = AuditEntity.property(subjectProperty).eq(subjectId);
		return eventIds.isEmpty() ? own : AuditEntity.or(own, AuditEntity.property("eventId").in(eventIds));
	}

	private List<EntityRevision> rowsOf(Class<?> type, AuditCriterion criterion) {
		return EntityRevision.all(reader().createQuery()
			.forRevisionsOfEntity(type, false, true)
			.add(criterion)
			.addOrder(AuditEntity.revisionNumber().asc())
			.getResultList());
	}

	private RevisionView view(AuditRevision revision, List<EntityChange> changes, long records, Locale locale) {
		long id = revision.getId();
		return new RevisionView(id, revision.getUsername(), seconds(revision.getChangedAt()),
				labels.when(revision.getChangedAt(), locale), revision.getReason(), changes, records, id == BASELINE,
				collapsed(id, records) && changes.isEmpty());
	}

	/** To the second: what a {@code datetime} attribute and a reader need. */
	private static Instant seconds(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
	}

}
