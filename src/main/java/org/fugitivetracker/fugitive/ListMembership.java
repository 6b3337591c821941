package org.fugitivetracker.fugitive;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.operation.WantedList;
import org.fugitivetracker.source.Source;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A person's place on a wanted list, with the rank and the date they were put on it where the
 * source gives them. The database keeps a person on a list once ({@value #ON_THE_LIST}) and a
 * rank of a list to one person ({@value #RANK_TAKEN}).
 */
@Entity
@Audited
@Table(name = "list_membership")
public class ListMembership {

	/** The unique constraint that keeps a person on a list once. */
	public static final String ON_THE_LIST = "list_membership_person_uk";

	/** The unique constraint that keeps a rank of a list to one person. */
	public static final String RANK_TAKEN = "list_membership_rank_uk";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "fugitive_id")
	private Fugitive fugitive;

	/** Wanted lists are reference data, not audited: the audit row keeps only the list's id. */
	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "wanted_list_id")
	private WantedList wantedList;

	@Column(name = "rank")
	private Integer rank;

	/** When the person was put on the list, as precisely as the source says; null where it does not. */
	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "added_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "added_precision")) })
	private PartialDate added;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "source_id")
	private Source source;

	/** The source's own words, where we hold its text. */
	@Column(length = 4000)
	private String quote;

	protected ListMembership() {
	}

	public ListMembership(Fugitive fugitive, WantedList wantedList, Integer rank, PartialDate added, Source source,
			String quote) {
		this.fugitive = fugitive;
		this.wantedList = wantedList;
		this.rank = rank;
		this.added = added;
		this.source = source;
		this.quote = quote;
	}

	public Long getId() {
		return id;
	}

	public Fugitive getFugitive() {
		return fugitive;
	}

	public WantedList getWantedList() {
		return wantedList;
	}

	public Integer getRank() {
		return rank;
	}

	public PartialDate getAdded() {
		return added;
	}

	public Source getSource() {
		return source;
	}

	public String getQuote() {
		return quote;
	}

}
