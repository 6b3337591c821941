package org.fugitivetracker.audit;

import static org.fugitivetracker.audit.AuditedField.Shape.AMOUNT;
import static org.fugitivetracker.audit.AuditedField.Shape.CLAIM;
import static org.fugitivetracker.audit.AuditedField.Shape.COUNTRY;
import static org.fugitivetracker.audit.AuditedField.Shape.DATE;
import static org.fugitivetracker.audit.AuditedField.Shape.MOMENT;
import static org.fugitivetracker.audit.AuditedField.Shape.NUMBER;
import static org.fugitivetracker.audit.AuditedField.Shape.TEXT;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.fugitive.ExternalIdentifier;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.photo.FugitivePhoto;
import org.fugitivetracker.fugitive.ListMembership;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Source;

/**
 * What the trail shows of each audited record, field by field, in the order a person reads them:
 * each field's label (the forms' and the profile's keys) and how its value reads. Fields the
 * trail leaves out are named in {@link #HIDDEN} (a test checks that every audited field is one or
 * the other).
 */
final class AuditedFields {

	/** The audit table of each audited type (as V5 created them). */
	static final Map<Class<?>, String> TABLES = Map.of(Fugitive.class, "fugitive_aud", CaseFile.class,
			"case_file_aud", Event.class, "event_aud", AssetTransfer.class, "asset_transfer_aud", Citation.class,
			"citation_aud", Source.class, "source_aud", FugitivePhoto.class, "fugitive_photo_aud",
			ExternalIdentifier.class, "external_identifier_aud", ListMembership.class, "list_membership_aud");

	/**
	 * Bookkeeping a reader of the trail does not need: the bulk loader's mark, and whether the
	 * application wrote a citation's claim (the claim itself is shown).
	 */
	static final Set<String> HIDDEN = Set.of("synthetic", "generated");

	private static final Map<Class<?>, List<AuditedField>> FIELDS = Map.of(
			Fugitive.class, List.of(
					AuditedField.of("name", "admin.fugitive.name", TEXT),
					AuditedField.of("nativeName", "admin.fugitive.nativeName", TEXT),
					AuditedField.collection("admin.fugitive.aliases", AuditedCollection.ALIASES),
					AuditedField.labelled("sex", "admin.fugitive.sex", "admin.fugitive.sex."),
					AuditedField.of("birthYear", "admin.fugitive.birthYear", NUMBER),
					AuditedField.of("reportedAge", "pages.fugitive.age", NUMBER),
					AuditedField.of("reportedAgeOn", "admin.audit.field.reportedAgeOn", DATE),
					AuditedField.of("formerPosition", "admin.fugitive.formerPosition", TEXT),
					AuditedField.of("formerPositionZh", "admin.fugitive.formerPositionZh", TEXT),
					AuditedField.of("formerOrganisation", "admin.fugitive.formerOrganisation", TEXT),
					AuditedField.of("province", "admin.fugitive.province", TEXT),
					AuditedField.of("provinceZh", "admin.fugitive.provinceZh", TEXT),
					AuditedField.of("city", "admin.fugitive.city", TEXT),
					AuditedField.of("cityZh", "admin.fugitive.cityZh", TEXT),
					AuditedField.labelled("status", "pages.fugitive.status", "pages.status."),
					AuditedField.of("fled", "admin.fugitive.fled", DATE),
					AuditedField.collection("admin.fugitive.destinationCountries", AuditedCollection.DESTINATIONS),
					AuditedField.collection("pages.fugitive.offences", AuditedCollection.OFFENCES)),
			ExternalIdentifier.class, List.of(
					AuditedField.reference("fugitive", "pages.subject.FUGITIVE", Ref.Kind.FUGITIVE),
					AuditedField.labelled("scheme", "admin.identifier.scheme", "pages.scheme."),
					AuditedField.of("value", "admin.identifier.value", TEXT),
					AuditedField.of("issuingCountry", "admin.identifier.issuingCountry", COUNTRY),
					AuditedField.reference("source", "admin.source.legend", Ref.Kind.SOURCE),
					AuditedField.of("quote", "admin.source.quote", TEXT)),
			ListMembership.class, List.of(
					AuditedField.reference("fugitive", "pages.subject.FUGITIVE", Ref.Kind.FUGITIVE),
					AuditedField.reference("wantedList", "admin.membership.wantedList", Ref.Kind.WANTED_LIST),
					AuditedField.of("rank", "admin.membership.rank", NUMBER),
					AuditedField.of("added", "admin.membership.added", DATE),
					AuditedField.reference("source", "admin.source.legend", Ref.Kind.SOURCE),
					AuditedField.of("quote", "admin.source.quote", TEXT)),
			CaseFile.class, List.of(
					AuditedField.of("title", "admin.case.title", TEXT),
					AuditedField.of("titleZh", "admin.case.titleZh", TEXT),
					AuditedField.labelled("status", "admin.case.status", "pages.caseStatus."),
					AuditedField.of("counterpartCountry", "admin.case.counterpartCountry", COUNTRY),
					AuditedField.of("description", "admin.case.description", TEXT),
					AuditedField.collection("admin.case.agencies", AuditedCollection.AGENCIES),
					AuditedField.collection("admin.case.participants", AuditedCollection.PARTICIPANTS)),
			Event.class, List.of(
					AuditedField.labelled("type", "admin.event.type", "pages.eventType."),
					AuditedField.of("occurred", "admin.event.date", DATE),
					AuditedField.of("countryCode", "admin.event.country", COUNTRY),
					AuditedField.of("place", "admin.audit.field.place", TEXT),
					AuditedField.of("placeZh", "admin.audit.field.placeZh", TEXT),
					AuditedField.reference("fugitive", "pages.subject.FUGITIVE", Ref.Kind.FUGITIVE),
					AuditedField.reference("caseFile", "pages.subject.CASE", Ref.Kind.CASE),
					AuditedField.reference("operation", "pages.subject.OPERATION", Ref.Kind.OPERATION),
					AuditedField.of("description", "admin.event.description", TEXT),
					AuditedField.of("createdAt", "admin.audit.field.createdAt", MOMENT)),
			AssetTransfer.class, List.of(
					AuditedField.of("amountAsReported", "admin.asset.amountAsReported", TEXT),
					AuditedField.of("amount", "admin.asset.amount", AMOUNT),
					AuditedField.of("currency", "admin.asset.currency", TEXT),
					AuditedField.labelled("qualifier", "admin.asset.qualifier", "admin.asset.qualifier."),
					AuditedField.of("destinationCountry", "admin.asset.destinationCountry", COUNTRY),
					AuditedField.reference("fugitive", "pages.subject.FUGITIVE", Ref.Kind.FUGITIVE),
					AuditedField.reference("caseFile", "pages.subject.CASE", Ref.Kind.CASE),
					AuditedField.of("description", "admin.asset.description", TEXT),
					AuditedField.collection("admin.asset.channels", AuditedCollection.CHANNELS)),
			Citation.class, List.of(
					AuditedField.reference("source", "admin.source.legend", Ref.Kind.SOURCE),
					AuditedField.labelled("attribute", "admin.audit.field.attribute", "pages.attribute."),
					AuditedField.of("claim", "admin.audit.field.claim", CLAIM),
					AuditedField.of("quote", "admin.source.quote", TEXT),
					AuditedField.reference("fugitiveId", "pages.subject.FUGITIVE", Ref.Kind.FUGITIVE),
					AuditedField.reference("eventId", "pages.subject.EVENT", Ref.Kind.EVENT),
					AuditedField.reference("caseId", "pages.subject.CASE", Ref.Kind.CASE),
					AuditedField.reference("cooperationStepId", "pages.subject.COOPERATION_STEP",
							Ref.Kind.COOPERATION_STEP),
					AuditedField.reference("assetTransferId", "pages.subject.ASSET_TRANSFER", Ref.Kind.ASSET_TRANSFER),
					AuditedField.reference("reportedFigureId", "pages.subject.FIGURE", Ref.Kind.REPORTED_FIGURE),
					AuditedField.reference("operationId", "pages.subject.OPERATION", Ref.Kind.OPERATION),
					AuditedField.reference("agencyId", "pages.subject.AGENCY", Ref.Kind.AGENCY),
					AuditedField.reference("agencyPartnershipId", "pages.subject.AGENCY_PARTNERSHIP",
							Ref.Kind.AGENCY_PARTNERSHIP),
					AuditedField.of("countryCode", "pages.subject.COUNTRY", COUNTRY)),
			Source.class, List.of(
					AuditedField.of("title", "admin.sourceForm.title", TEXT),
					AuditedField.of("publisher", "admin.sourceForm.publisher", TEXT),
					AuditedField.of("url", "admin.sourceForm.url", TEXT),
					AuditedField.of("published", "admin.sourceForm.published", DATE),
					AuditedField.of("reference", "admin.audit.field.reference", TEXT)),
			// A photo by what it is, never its bytes: the SHA-256 names the exact image stored.
			FugitivePhoto.class, List.of(
					AuditedField.reference("fugitiveId", "pages.subject.FUGITIVE", Ref.Kind.FUGITIVE),
					AuditedField.of("caption", "admin.audit.field.photoCaption", TEXT),
					AuditedField.of("primary", "admin.audit.field.photoPrimary", TEXT),
					AuditedField.labelled("contentType", "admin.audit.field.photoStoredAs", "photo.type."),
					AuditedField.of("width", "admin.audit.field.photoWidth", NUMBER),
					AuditedField.of("height", "admin.audit.field.photoHeight", NUMBER),
					AuditedField.labelled("uploadedType", "admin.audit.field.photoUploadedAs", "photo.type."),
					AuditedField.of("uploadedBytes", "admin.audit.field.photoUploadedBytes", NUMBER),
					AuditedField.of("imageSha256", "admin.audit.field.photoSha256", TEXT)));

	private AuditedFields() {
	}

	/** The fields the trail shows of a type, in reading order. */
	static List<AuditedField> of(Class<?> type) {
		return FIELDS.getOrDefault(type, List.of());
	}

}
