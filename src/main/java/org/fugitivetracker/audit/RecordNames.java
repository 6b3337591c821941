package org.fugitivetracker.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.country.CountryNames;
import org.fugitivetracker.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names the records the trail refers to, as the pages name them (a person by name, a source by
 * title, an event by what happened when), with a link to the page that shows them: one query per
 * kind of record for a whole page, never one per row. Records of other features are read by
 * entity name, as the source page's query reads the subjects of citations.
 */
@Component
class RecordNames {

	private final EntityManager entityManager;

	private final MessageSource messages;

	private final Formats formats;

	RecordNames(EntityManager entityManager, MessageSource messages, Formats formats) {
		this.entityManager = entityManager;
		this.messages = messages;
		this.formats = formats;
	}

	/** The names of these records, read now; a record no longer stored gets a name saying so. */
	Names of(Collection<Ref> refs, Locale locale, CountryNames countries) {
		Map<Ref, Shown> names = new HashMap<>();
		Map<Ref.Kind, List<Object>> byKind = refs.stream()
			.collect(Collectors.groupingBy(Ref::kind, Collectors.mapping(Ref::id, Collectors.toList())));
		byKind.forEach((kind, ids) -> {
			Set<Object> distinct = Set.copyOf(ids);
			if (kind == Ref.Kind.COUNTRY) {
				distinct.forEach(code -> names.put(new Ref(kind, code), Shown.text(countries.name((String) code, locale))));
			}
			else {
				rows(kind, distinct).forEach(row -> names.put(new Ref(kind, row[0]), name(kind, row, locale)));
			}
		});
		return new Names(names, ref -> Shown.text(messages.getMessage("admin.audit.ref.gone",
				new Object[] { messages.getMessage(kindLabel(ref.kind()), null, locale), ref.id() }, locale)));
	}

	/** An event as the pages name it: what happened, when, and to whom. */
	String event(String type, PartialDate date, String whom, Locale locale) {
		String what = messages.getMessage("pages.eventType." + type, null, type, locale);
		String when = date == null ? messages.getMessage("admin.event.undated", null, locale) : formats.date(date, locale);
		return whom == null ? messages.getMessage("admin.audit.name.event", new Object[] { what, when }, locale)
				: messages.getMessage("admin.audit.name.eventOf", new Object[] { what, when, whom }, locale);
	}

	/** A person's name in the reader's language: the name in Chinese characters where the records have it. */
	static String person(String name, String nativeName, Locale locale) {
		return nativeName != null && !nativeName.isBlank() && Locale.CHINESE.getLanguage().equals(locale.getLanguage())
				? nativeName : name;
	}

	private List<Object[]> rows(Ref.Kind kind, Set<Object> ids) {
		String query = switch (kind) {
			case FUGITIVE -> "select f.id, f.name, f.nativeName from Fugitive f where f.id in :ids";
			case CASE -> "select c.id, c.title from CaseFile c where c.id in :ids";
			case SOURCE -> "select s.id, s.title from Source s where s.id in :ids";
			case EVENT -> "select e.id, e.type, e.occurred, f.id, f.name, f.nativeName, c.id, c.title, o.id, o.codeName "
					+ "from Event e left join e.fugitive f left join e.caseFile c left join e.operation o where e.id in :ids";
			case OPERATION -> "select o.id, o.codeName from Operation o where o.id in :ids";
			case WANTED_LIST -> "select w.id, w.name, w.operation.id from WantedList w where w.id in :ids";
			case AGENCY -> "select a.id, a.name from Agency a where a.id in :ids";
			case COOPERATION_STEP -> "select s.id, s.kind, c.id, c.title from CooperationStep s join s.caseFile c "
					+ "where s.id in :ids";
			case ASSET_TRANSFER -> "select t.id, t.amountAsReported, f.id, c.id from AssetTransfer t "
					+ "left join t.fugitive f left join t.caseFile c where t.id in :ids";
			case REPORTED_FIGURE -> "select r.id, r.metric from ReportedFigure r where r.id in :ids";
			case AGENCY_PARTNERSHIP -> "select p.id, a.name, b.name from AgencyPartnership p join p.agency a "
					+ "join p.partner b where p.id in :ids";
			case COUNTRY -> throw new IllegalArgumentException("Countries are named from the country catalog");
		};
		return entityManager.createQuery(query, Object[].class).setParameter("ids", ids).getResultList();
	}

	private Shown name(Ref.Kind kind, Object[] row, Locale locale) {
		Object id = row[0];
		return switch (kind) {
			case FUGITIVE -> new Shown(person((String) row[1], (String) row[2], locale), "/fugitives/" + id);
			case CASE -> new Shown((String) row[1], "/cases/" + id);
			case SOURCE -> new Shown((String) row[1], "/sources/" + id);
			case EVENT -> {
				String whom = row[3] != null ? person((String) row[4], (String) row[5], locale)
						: row[6] != null ? (String) row[7] : (String) row[9];
				String page = row[3] != null ? "/fugitives/" + row[3] : row[6] != null ? "/cases/" + row[6]
						: row[8] != null ? "/operations/" + row[8] : null;
				yield new Shown(event(String.valueOf(row[1]), (PartialDate) row[2], whom, locale),
						page == null ? null : page + "#event-" + id);
			}
			case OPERATION -> new Shown((String) row[1], "/operations/" + id);
			case WANTED_LIST -> new Shown((String) row[1], row[2] == null ? null : "/operations/" + row[2]);
			case AGENCY -> Shown.text((String) row[1]);
			case COOPERATION_STEP -> new Shown(messages.getMessage("admin.audit.name.step",
					new Object[] { formats.label("pages.stepKind.", String.valueOf(row[1]), locale), row[3] }, locale),
					"/cases/" + row[2] + "#step-" + id);
			case ASSET_TRANSFER -> new Shown((String) row[1], row[2] != null ? "/fugitives/" + row[2] + "#transfer-" + id
					: row[3] != null ? "/cases/" + row[3] + "#transfer-" + id : null);
			case REPORTED_FIGURE -> new Shown(formats.label("pages.metric.", (String) row[1], locale),
					"/figures#figure-" + id);
			case AGENCY_PARTNERSHIP -> Shown.text(messages.getMessage("admin.audit.name.partnership",
					new Object[] { row[1], row[2] }, locale));
			case COUNTRY -> throw new IllegalArgumentException("Countries are named from the country catalog");
		};
	}

	/** The label of a kind of record: the source page's words for what a citation is about. */
	private static String kindLabel(Ref.Kind kind) {
		return switch (kind) {
			case SOURCE -> "admin.audit.entity.Source";
			case WANTED_LIST -> "pages.fugitive.lists";
			case REPORTED_FIGURE -> "pages.subject.FIGURE";
			default -> "pages.subject." + kind.name();
		};
	}

	/** The names of one page's records; {@link #add} names records the page knows of that are no longer stored. */
	static final class Names {

		private final Map<Ref, Shown> names;

		private final Function<Ref, Shown> gone;

		Names(Map<Ref, Shown> names, Function<Ref, Shown> gone) {
			this.names = names;
			this.gone = gone;
		}

		Shown of(Ref ref) {
			Shown name = names.get(ref);
			return name != null ? name : gone.apply(ref);
		}

		/** Names a record the database no longer holds by what the trail last saw of it (unlinked). */
		void addIfGone(Ref ref, String text) {
			names.putIfAbsent(ref, Shown.text(text));
		}

	}

}
