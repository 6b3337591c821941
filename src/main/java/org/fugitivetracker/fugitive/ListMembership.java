package org.fugitivetracker.fugitive;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.fugitivetracker.operation.WantedList;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/** A place on a wanted list, with the rank where the list gives one. */
@Embeddable
public class ListMembership {

	/** Wanted lists are reference data, not audited: the audit row keeps only the list's id. */
	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "wanted_list_id")
	private WantedList wantedList;

	@Column(name = "rank")
	private Integer rank;

	protected ListMembership() {
	}

	public ListMembership(WantedList wantedList, Integer rank) {
		this.wantedList = wantedList;
		this.rank = rank;
	}

	public WantedList getWantedList() {
		return wantedList;
	}

	public Integer getRank() {
		return rank;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ListMembership that && Objects.equals(listId(), that.listId())
				&& Objects.equals(rank, that.rank);
	}

	@Override
	public int hashCode() {
		return Objects.hash(listId(), rank);
	}

	private Long listId() {
		return wantedList == null ? null : wantedList.getId();
	}

}
