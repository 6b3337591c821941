package org.fugitivetracker.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.audit.AuditedCollection.Participant;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.country.CountryCatalog;
import org.fugitivetracker.country.CountryNames;
import org.fugitivetracker.event.ClaimText;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.photo.FugitivePhoto;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.web.Formats;
import org.hibernate.envers.RevisionType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the changes of a page as a person reads them: each record by its kind and name, each
 * field by its label, values in the reader's language (labels of codes, dates at their
 * precision, countries and related records by name, empty lists as "none"). The names of every
 * related record on the page are read together first ({@link RecordNames}).
 */
@Component
class ChangeWriter {

	private final MessageSource messages;

	private final Formats formats;

	private final CountryCatalog countries;

	private final RecordNames recordNames;

	private final AuditLabels labels;

	private final ClaimText claims;

	ChangeWriter(MessageSource messages, Formats formats, CountryCatalog countries, RecordNames recordNames,
			AuditLabels labels, ClaimText claims) {
		this.messages = messages;
		this.formats = formats;
		this.countries = countries;
		this.recordNames = recordNames;
		this.labels = labels;
		this.claims = claims;
	}

	List<EntityChange> write(List<RecordChange> changes, Locale locale) {
		if (changes.isEmpty()) {
			return List.of();
		}
		Page page = new Page(locale, countries.names(), changes);
		List<Shown> headlines = changes.stream().map(page::headline).toList();
		List<EntityChange> written = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			written.add(page.write(changes.get(i), headlines.get(i)));
		}
		return written;
	}

	/** One page's writing: its language, country names and the names of the records it refers to. */
	private final class Page {

		private final Locale locale;

		private final CountryNames countryNames;

		private final RecordNames.Names names;

		Page(Locale locale, CountryNames countryNames, List<RecordChange> changes) {
			this.locale = locale;
			this.countryNames = countryNames;
			Set<Ref> refs = new LinkedHashSet<>();
			for (RecordChange change : changes) {
				collectRefs(change.before(), refs);
				collectRefs(change.stored(), refs);
			}
			this.names = recordNames.of(refs, locale, countryNames);
		}

		/**
		 * The record's name, linked to its page while it exists; a record that is gone since is
		 * named so wherever the page refers to it.
		 */
		Shown headline(RecordChange change) {
			Map<String, Object> values = change.latest();
			Shown name = switch (change.type().getSimpleName()) {
				case "Fugitive" -> new Shown(RecordNames.person(text(values.get("name")), text(values.get("nativeName")),
						locale), "/fugitives/" + change.id());
				case "CaseFile" -> new Shown(text(values.get("title")), "/cases/" + change.id());
				case "Source" -> new Shown(text(values.get("title")), "/sources/" + change.id());
				case "Event" -> eventName(change, values);
				case "AssetTransfer" -> transferName(change, values);
				case "Citation" -> citationName(values);
				case "FugitivePhoto" -> photoName(change, values);
				case "ExternalIdentifier" -> identifierName(values);
				case "ListMembership" -> membershipName(values);
				default -> Shown.text(String.valueOf(change.id()));
			};
			Ref ref = refTo(change);
			if (ref != null) {
				names.addIfGone(ref, name.text());
			}
			return change.revisionType() == RevisionType.DEL ? Shown.text(name.text()) : name;
		}

		EntityChange write(RecordChange change, Shown headline) {
			List<FieldChange> fields = new ArrayList<>();
			for (AuditedField field : AuditedFields.of(change.type())) {
				Object after = change.stored().get(field.name());
				switch (change.revisionType()) {
					case ADD -> {
						if (!RecordValues.isEmpty(after)) {
							fields.add(new FieldChange(label(field), null, value(field, after)));
						}
					}
					case DEL -> {
						Object last = change.latest().get(field.name());
						if (!RecordValues.isEmpty(last)) {
							fields.add(new FieldChange(label(field), value(field, last), null));
						}
					}
					case MOD -> {
						Object before = change.before() == null ? null : change.before().get(field.name());
						if (change.before() == null ? !RecordValues.isEmpty(after) : !RecordValues.same(before, after)) {
							fields.add(new FieldChange(label(field), value(field, before), value(field, after)));
						}
					}
				}
			}
			String type = change.type().getSimpleName();
			return new EntityChange(messages.getMessage("admin.audit.entity." + type, null, type, locale), headline,
					labels.revisionType(change.revisionType().name(), locale), change.revisionType().name(), fields,
					change.revisionType() == RevisionType.ADD || change.before() != null);
		}

		private Shown eventName(RecordChange change, Map<String, Object> values) {
			Ref whom = firstRef(values, "fugitive", "caseFile", "operation");
			Shown subject = whom == null ? null : names.of(whom);
			String text = recordNames.event(text(values.get("type")), (PartialDate) values.get("occurred"),
					subject == null ? null : subject.text(), locale);
			return new Shown(text, subject == null || subject.link() == null ? null
					: subject.link() + "#event-" + change.id());
		}

		private Shown transferName(RecordChange change, Map<String, Object> values) {
			Ref whom = firstRef(values, "fugitive", "caseFile");
			Shown subject = whom == null ? null : names.of(whom);
			return new Shown(text(values.get("amountAsReported")), subject == null || subject.link() == null ? null
					: subject.link() + "#transfer-" + change.id());
		}

		/** A photo as "Yang Xiuzhu, photo 12", linked to the person's photos while it is kept. */
		private Shown photoName(RecordChange change, Map<String, Object> values) {
			Shown person = values.get("fugitiveId") instanceof Ref ref ? names.of(ref) : Shown.text("");
			return new Shown(messages.getMessage("admin.audit.name.photo", new Object[] { person.text(), change.id() },
					locale), person.link() == null ? null : person.link() + "/photos#photo-" + change.id());
		}

		/** "Passport: E1234567 (Huang Yurong)", linked to the person's identifiers. */
		private Shown identifierName(Map<String, Object> values) {
			String scheme = formats.label("pages.scheme.", text(values.get("scheme")), locale);
			String number = values.get("value") != null ? text(values.get("value"))
					: messages.getMessage("pages.fugitive.numberNotPublished", null, locale);
			String identifier = messages.getMessage("pages.fugitive.identifier", new Object[] { scheme, number }, locale);
			return ofPerson(identifier, values, "#identifiers");
		}

		/** "No. 4 on Sky Net 100 most-wanted list (Huang Yurong)", linked to the person's lists. */
		private Shown membershipName(Map<String, Object> values) {
			String list = values.get("wantedList") instanceof Ref ref ? names.of(ref).text() : none();
			String place = values.get("rank") == null ? list : messages.getMessage("admin.audit.name.membership",
					new Object[] { String.valueOf(values.get("rank")), list }, locale);
			return ofPerson(place, values, "#wanted-lists");
		}

		private Shown ofPerson(String what, Map<String, Object> values, String anchor) {
			Shown person = values.get("fugitive") instanceof Ref ref ? names.of(ref) : null;
			if (person == null) {
				return Shown.text(what);
			}
			return new Shown(messages.getMessage("admin.audit.name.ofPerson", new Object[] { what, person.text() }, locale),
					person.link() == null ? null : person.link() + anchor);
		}

		private Shown citationName(Map<String, Object> values) {
			String attribute = formats.label("pages.attribute.", text(values.get("attribute")), locale);
			Shown source = values.get("source") instanceof Ref ref ? names.of(ref) : Shown.text("");
			return new Shown(messages.getMessage("admin.audit.name.citation", new Object[] { attribute, source.text() },
					locale), source.link());
		}

		private String label(AuditedField field) {
			return messages.getMessage(field.labelKey(), null, field.name(), locale);
		}

		private Shown value(AuditedField field, Object value) {
			if (RecordValues.isEmpty(value)) {
				return Shown.text(none());
			}
			return switch (field.shape()) {
				case TEXT -> Shown.text(plain(value));
				case CLAIM -> Shown.text(claims.generated(plain(value), locale));
				case NUMBER -> Shown.text(String.valueOf(value));
				case AMOUNT -> Shown.text(formats.number((BigDecimal) value, locale));
				case DATE -> Shown.text(formats.date((PartialDate) value, locale));
				case MOMENT -> Shown.text(labels.when((Instant) value, locale));
				case COUNTRY -> Shown.text(countryNames.name((String) value, locale));
				case LABELLED -> Shown.text(formats.label(field.labels(), code(value), locale));
				case REFERENCE -> names.of((Ref) value);
				case COLLECTION -> Shown.text(((Collection<?>) value).stream()
					.map(element -> element(field.collection(), element))
					.collect(Collectors.joining(messages.getMessage("admin.audit.separator", null, "; ", locale))));
			};
		}

		private String element(AuditedCollection collection, Object element) {
			return switch (collection.element()) {
				case TEXT -> String.valueOf(element);
				case COUNTRY -> countryNames.name((String) element, locale);
				case CHANNEL -> formats.label("admin.asset.channel.", (String) element, locale);
				case AGENCY -> names.of((Ref) element).text();
				case PARTICIPANT -> {
					Participant participant = (Participant) element;
					yield messages.getMessage("admin.audit.name.participant",
							new Object[] { participant.fugitive() == null ? none() : names.of(participant.fugitive()).text(),
									formats.label("pages.role.", participant.role(), locale) },
							locale);
				}
			};
		}

		private String plain(Object value) {
			if (value instanceof Boolean yes) {
				return messages.getMessage(yes ? "admin.audit.yes" : "admin.audit.no", null, locale);
			}
			return String.valueOf(value);
		}

		private String none() {
			return messages.getMessage("admin.audit.value.none", null, locale);
		}

	}

	/** The record a change is about, as the pages refer to it (null where no field refers to its kind). */
	private static Ref refTo(RecordChange change) {
		Class<?> type = change.type();
		Ref.Kind kind = type == Fugitive.class ? Ref.Kind.FUGITIVE : type == CaseFile.class ? Ref.Kind.CASE
				: type == Event.class ? Ref.Kind.EVENT : type == Source.class ? Ref.Kind.SOURCE
						: type == AssetTransfer.class ? Ref.Kind.ASSET_TRANSFER : null;
		return kind == null ? null : new Ref(kind, change.id());
	}

	private static Ref firstRef(Map<String, Object> values, String... fields) {
		for (String field : fields) {
			if (values.get(field) instanceof Ref ref) {
				return ref;
			}
		}
		return null;
	}

	/** Every record the values refer to, inside collections too. */
	private static void collectRefs(Map<String, Object> values, Set<Ref> refs) {
		if (values == null) {
			return;
		}
		for (Object value : values.values()) {
			if (value instanceof Collection<?> elements) {
				elements.forEach(element -> collectRef(element, refs));
			}
			else {
				collectRef(value, refs);
			}
		}
	}

	private static void collectRef(Object value, Set<Ref> refs) {
		if (value instanceof Ref ref) {
			refs.add(ref);
		}
		else if (value instanceof Participant participant && participant.fugitive() != null) {
			refs.add(participant.fugitive());
		}
	}

	private static String text(Object value) {
		return value == null ? null : value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
	}

	private static String code(Object value) {
		return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
	}

}
