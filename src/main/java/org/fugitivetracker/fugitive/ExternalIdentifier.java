package org.fugitivetracker.fugitive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.fugitivetracker.source.Source;
import org.hibernate.envers.Audited;

/**
 * A number a person is known by in a scheme (an Interpol red notice, a passport …), as a source
 * gives it. {@code value} is null where a notice's number is not published. The database keeps
 * one number of a scheme to one person ({@value #VALUE_TAKEN}).
 */
@Entity
@Audited
@Table(name = "external_identifier")
public class ExternalIdentifier {

	/** The unique index that keeps a scheme's number to one person. */
	public static final String VALUE_TAKEN = "external_identifier_value_uk";

	/** The unique index that keeps a person to one unnumbered notice of a scheme and country. */
	public static final String UNNUMBERED_TWICE = "external_identifier_unnumbered_uk";

	public enum Scheme {

		INTERPOL_RED_NOTICE, NATIONAL_WANTED_NOTICE, PASSPORT, NATIONAL_ID;

		/** Whether a record of the scheme may lack its number (a notice whose number is not published). */
		public boolean mayBeUnnumbered() {
			return this == INTERPOL_RED_NOTICE || this == NATIONAL_WANTED_NOTICE;
		}

		/** Whether a country issues it (every scheme but Interpol's). */
		public boolean isIssuedByACountry() {
			return this != INTERPOL_RED_NOTICE;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "fugitive_id")
	private Fugitive fugitive;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Scheme scheme;

	@Column(length = 100)
	private String value;

	/** ISO 3166-1 alpha-2 code of the issuing country; null for an Interpol notice without one. */
	@Column(name = "issuing_country", length = 2)
	private String issuingCountry;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "source_id")
	private Source source;

	/** The source's own words, where we hold its text. */
	@Column(length = 4000)
	private String quote;

	protected ExternalIdentifier() {
	}

	public ExternalIdentifier(Fugitive fugitive, Scheme scheme, String value, String issuingCountry, Source source,
			String quote) {
		this.fugitive = fugitive;
		this.scheme = scheme;
		this.value = value;
		this.issuingCountry = issuingCountry;
		this.source = source;
		this.quote = quote;
	}

	public Long getId() {
		return id;
	}

	public Fugitive getFugitive() {
		return fugitive;
	}

	public Scheme getScheme() {
		return scheme;
	}

	public String getValue() {
		return value;
	}

	public String getIssuingCountry() {
		return issuingCountry;
	}

	public Source getSource() {
		return source;
	}

	public String getQuote() {
		return quote;
	}

}
