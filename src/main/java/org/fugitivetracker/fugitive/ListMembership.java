package org.fugitivetracker.fugitive;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.fugitivetracker.operation.WantedList;

/** A place on a wanted list, with the rank where the list gives one. */
@Embeddable
public class ListMembership {

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

}
