package org.fugitivetracker.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.revision.AuditRevision;
import org.fugitivetracker.revision.EntityRevision;
import org.fugitivetracker.source.Citation;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.criteria.AuditCriterion;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail (Hibernate Envers): revisions newest first with what each changed, field
 * by field (before → after, computed against the record's previous revision); the history of one
 * fugitive or case (their own revisions and those of their events, citations and transfers).
 * History starts at the baseline revision V5 wrote when the trail was installed.
 */
@Service
public class AuditTrail {

	/** The order entity types are listed in within one revision. */
	private static final List<Class<?>> ORDER = List.of(Fugitive.class, CaseFile.class, Event.class,
			AssetTransfer.class, Citation.class, org.fugitivetracker.source.Source.class);

	/** Filters of the trail; every part optional. {@code to} is inclusive. */
	public record Filter(String user, String entity, LocalDate from, LocalDate to) {
	}

	private final EntityManager entityManager;

	AuditTrail(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** One page of revisions, newest first, with their changes (only those of {@code entity}, if given). */
	@Transactional(readOnly = true)
	public Page<RevisionView> revisions(Filter filter, int page, int size) {
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
		List<RevisionView> views = new ArrayList<>();
		for (AuditRevision revision : revisions) {
			views.add(view(revision, changesAt(revision, entityType)));
		}
		return new PageImpl<>(views, PageRequest.of(page, size), count.getSingleResult());
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

	/** A fugitive's history: the fugitive, its events, their citations and its asset transfers; newest first. */
	@Transactional(readOnly = true)
	public List<RevisionView> fugitiveHistory(long fugitiveId) {
		List<EntityRevision> rows = new ArrayList<>();
		rows.addAll(rowsOf(Fugitive.class, AuditEntity.id().eq(fugitiveId)));
		List<EntityRevision> events = rowsOf(Event.class, AuditEntity.relatedId("fugitive").eq(fugitiveId));
		rows.addAll(events);
		rows.addAll(rowsOf(Citation.class, citationsOf("fugitiveId", fugitiveId, events)));
		rows.addAll(rowsOf(AssetTransfer.class, AuditEntity.relatedId("fugitive").eq(fugitiveId)));
		return history(rows);
	}

	/** A case's history: the case (with its people and agencies), its events, citations and transfers. */
	@Transactional(readOnly = true)
	public List<RevisionView> caseHistory(long caseId) {
		List<EntityRevision> rows = new ArrayList<>();
		rows.addAll(rowsOf(CaseFile.class, AuditEntity.id().eq(caseId)));
		List<EntityRevision> events = rowsOf(Event.class, AuditEntity.relatedId("caseFile").eq(caseId));
		rows.addAll(events);
		rows.addAll(rowsOf(Citation.class, citationsOf("caseId", caseId, events)));
		rows.addAll(rowsOf(AssetTransfer.class, AuditEntity.relatedId("caseFile").eq(caseId)));
		return history(rows);
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

	/** Rows of (entity, revision, type) in revision order per type → revisions newest first with diffs. */
	private List<RevisionView> history(List<EntityRevision> rows) {
		PersistenceUnitUtil units = units();
		Map<String, Map<String, String>> lastSeen = new LinkedHashMap<>();
		Map<Long, AuditRevision> revisions = new TreeMap<>(Comparator.reverseOrder());
		Map<Long, List<EntityChange>> changes = new LinkedHashMap<>();
		rows.sort(Comparator.comparing((EntityRevision row) -> row.revision().getId())
			.thenComparing(row -> ORDER.indexOf(row.entity().getClass())));
		for (EntityRevision row : rows) {
			AuditRevision revision = row.revision();
			Object id = units.getIdentifier(row.entity());
			String key = row.entity().getClass().getName() + "#" + id;
			EntityChange change = change(row.entity(), id, row.type(), lastSeen.get(key), units);
			lastSeen.put(key, row.type() == RevisionType.DEL ? Map.of() : Snapshot.of(row.entity(), units));
			revisions.put(revision.getId(), revision);
			changes.computeIfAbsent(revision.getId(), rev -> new ArrayList<>()).add(change);
		}
		return revisions.values().stream().map(revision -> view(revision, changes.get(revision.getId()))).toList();
	}

	/** Every change of one revision (of one entity type, if given), each against its previous revision. */
	private List<EntityChange> changesAt(AuditRevision revision, Class<?> onlyType) {
		PersistenceUnitUtil units = units();
		List<EntityChange> changes = new ArrayList<>();
		for (Class<?> type : ORDER) {
			if ((onlyType != null && onlyType != type) || !revision.getModifiedEntityNames().contains(type.getName())) {
				continue;
			}
			List<EntityRevision> rows = EntityRevision.all(reader().createQuery()
				.forRevisionsOfEntity(type, false, true)
				.add(AuditEntity.revisionNumber().eq(revision.getId()))
				.getResultList());
			for (EntityRevision row : rows) {
				Object id = units.getIdentifier(row.entity());
				Object previous = row.type() == RevisionType.ADD ? null : previous(type, id, revision.getId());
				changes.add(change(row.entity(), id, row.type(), previous == null ? null : Snapshot.of(previous, units),
						units));
			}
		}
		return changes;
	}

	private Object previous(Class<?> type, Object id, long revision) {
		List<?> rows = reader().createQuery()
			.forRevisionsOfEntity(type, true, true)
			.add(AuditEntity.id().eq(id))
			.add(AuditEntity.revisionNumber().lt(revision))
			.addOrder(AuditEntity.revisionNumber().desc())
			.setMaxResults(1)
			.getResultList();
		return rows.isEmpty() ? null : rows.get(0);
	}

	/** {@code before}: the record's values at its previous revision, or null where there is none. */
	private static EntityChange change(Object entity, Object id, RevisionType type, Map<String, String> before,
			PersistenceUnitUtil units) {
		Map<String, String> stored = Snapshot.of(entity, units);
		List<FieldChange> fields = switch (type) {
			case ADD -> Snapshot.diff(Map.of(), stored);
			// With store_data_at_delete the deleted row keeps the values it had: all of them go.
			case DEL -> Snapshot.diff(before == null ? stored : before, Map.of());
			case MOD -> Snapshot.diff(before == null ? Map.of() : before, stored);
		};
		return new EntityChange(entity.getClass().getSimpleName(), id, Snapshot.label(entity, id), type.name(), fields,
				type == RevisionType.ADD || before != null);
	}

	private static RevisionView view(AuditRevision revision, List<EntityChange> changes) {
		return new RevisionView(revision.getId(), revision.getUsername(), revision.getChangedAt(), revision.getReason(),
				changes == null ? List.of() : changes);
	}

}
