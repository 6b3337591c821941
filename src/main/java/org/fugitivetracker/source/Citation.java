package org.fugitivetracker.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.envers.Audited;

/**
 * Who says one fact, and in which words. {@code claim} is the fact as this source gives it ("on
 * Sunday"), so that sources which disagree can be shown side by side; {@code quote} holds the
 * source's verbatim words where we hold its text. Exactly one subject is set (the database
 * checks it).
 */
@Entity
@Audited
public class Citation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "source_id")
	private Source source;

	/** Which attribute of the subject the citation supports (e.g. {@code status}, {@code occurred}). */
	@Column(nullable = false, length = 40)
	private String attribute;

	@Column(nullable = false, length = 1000)
	private String claim;

	@Column(length = 4000)
	private String quote;

	/** True when the application wrote the claim from a record's facts (see {@link #generated}). */
	@Column(nullable = false)
	private boolean generated;

	@Column(name = "fugitive_id")
	private Long fugitiveId;

	@Column(name = "event_id")
	private Long eventId;

	@Column(name = "case_id")
	private Long caseId;

	@Column(name = "cooperation_step_id")
	private Long cooperationStepId;

	@Column(name = "asset_transfer_id")
	private Long assetTransferId;

	@Column(name = "reported_figure_id")
	private Long reportedFigureId;

	@Column(name = "operation_id")
	private Long operationId;

	@Column(name = "agency_id")
	private Long agencyId;

	@Column(name = "agency_partnership_id")
	private Long agencyPartnershipId;

	@Column(name = "country_code", length = 2)
	private String countryCode;

	protected Citation() {
	}

	private Citation(Source source, String attribute, String claim, String quote) {
		this.source = source;
		this.attribute = attribute;
		this.claim = claim;
		this.quote = quote;
	}

	public static Citation ofEvent(long eventId, Source source, String attribute, String claim, String quote) {
		Citation citation = new Citation(source, attribute, claim, quote);
		citation.eventId = eventId;
		return citation;
	}

	/**
	 * A citation of an event whose claim the application wrote from the event's own facts, in a
	 * fixed form that pages put into the reader's language (the source's words are its quote).
	 */
	public static Citation generated(long eventId, Source source, String attribute, String claim, String quote) {
		Citation citation = ofEvent(eventId, source, attribute, claim, quote);
		citation.generated = true;
		return citation;
	}

	public static Citation ofFugitive(long fugitiveId, Source source, String attribute, String claim, String quote) {
		Citation citation = new Citation(source, attribute, claim, quote);
		citation.fugitiveId = fugitiveId;
		return citation;
	}

	public static Citation ofCase(long caseId, Source source, String attribute, String claim, String quote) {
		Citation citation = new Citation(source, attribute, claim, quote);
		citation.caseId = caseId;
		return citation;
	}

	public static Citation ofAssetTransfer(long transferId, Source source, String attribute, String claim,
			String quote) {
		Citation citation = new Citation(source, attribute, claim, quote);
		citation.assetTransferId = transferId;
		return citation;
	}

	public Long getId() {
		return id;
	}

	public boolean isGenerated() {
		return generated;
	}

	public Source getSource() {
		return source;
	}

	public String getAttribute() {
		return attribute;
	}

	public String getClaim() {
		return claim;
	}

	public String getQuote() {
		return quote;
	}

	public Long getFugitiveId() {
		return fugitiveId;
	}

	public Long getEventId() {
		return eventId;
	}

	public Long getCaseId() {
		return caseId;
	}

	public Long getCooperationStepId() {
		return cooperationStepId;
	}

	public Long getAssetTransferId() {
		return assetTransferId;
	}

	public Long getReportedFigureId() {
		return reportedFigureId;
	}

	public Long getOperationId() {
		return operationId;
	}

	public Long getAgencyId() {
		return agencyId;
	}

	public Long getAgencyPartnershipId() {
		return agencyPartnershipId;
	}

	public String getCountryCode() {
		return countryCode;
	}

}
