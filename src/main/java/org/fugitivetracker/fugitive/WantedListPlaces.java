package org.fugitivetracker.fugitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.common.Today;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.operation.WantedList;
import org.fugitivetracker.operation.WantedListRepository;
import org.fugitivetracker.source.Citations;
import org.fugitivetracker.source.SourceChoice;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts people on wanted lists and takes them off, each place with its source, one audited
 * transaction each. A person is on a list once, and a rank of a list is one person's: checked
 * before the write to name who holds it, and kept by the database's unique constraints when two
 * admins write at the same moment.
 */
@Service
public class WantedListPlaces {

	/** A place removed, as it was. */
	public record Removed(long fugitiveId, String fugitiveName, String listName, String listNameZh, Integer rank) {
	}

	/** What a checked form says, where it breaks no rule. */
	private record Checked(WantedList list, PartialDate added, SourceChoice source, Holder rankHolder) {
	}

	private final ListMembershipRepository memberships;

	private final FugitiveRepository fugitives;

	private final WantedListRepository lists;

	private final Citations citations;

	private final TransactionTemplate transaction;

	WantedListPlaces(ListMembershipRepository memberships, FugitiveRepository fugitives, WantedListRepository lists,
			Citations citations, TransactionTemplate transaction) {
		this.memberships = memberships;
		this.fugitives = fugitives;
		this.lists = lists;
		this.citations = citations;
		this.transaction = transaction;
	}

	/** The person's places with their lists and sources, by list. */
	@Transactional(readOnly = true)
	public List<ListMembership> of(long fugitiveId) {
		find(fugitiveId);
		return memberships.findForFugitive(fugitiveId);
	}

	/** The lists a person can be put on, by name. */
	@Transactional(readOnly = true)
	public List<WantedList> lists() {
		return lists.findAllByOrderByNameAsc();
	}

	/** The rules {@link #add} would refuse the form for, without writing (null-safe, as for a form with errors). */
	@Transactional(readOnly = true)
	public List<Violation> rulesBroken(long fugitiveId, ListMembershipForm form) {
		List<Violation> violations = new ArrayList<>();
		check(find(fugitiveId), form, violations);
		return violations;
	}

	/**
	 * Stores the place with its source (a new source too, where the form names one).
	 * @throws HeldByAnotherException when another person holds the rank on the list
	 * @throws InvalidRecordException for any other broken rule; nothing is stored
	 */
	public ListMembership add(long fugitiveId, ListMembershipForm form) {
		try {
			return transaction.execute(status -> store(fugitiveId, form));
		}
		catch (DataIntegrityViolationException refused) {
			String constraint = ConstraintNames.of(refused);
			if (ListMembership.ON_THE_LIST.equals(constraint)) {
				throw new InvalidRecordException(List.of(Violation.of("wantedListId", "admin.membership.alreadyOnList")));
			}
			if (ListMembership.RANK_TAKEN.equals(constraint)) {
				Holder holder = rankHolder(form.wantedListId(), form.rank()).orElse(null);
				Violation taken = holder == null ? Violation.of("rank", "admin.membership.rank.takenMeanwhile")
						: rankTaken(form.rank(), holder);
				throw holder == null ? new InvalidRecordException(List.of(taken))
						: new HeldByAnotherException(List.of(taken), holder);
			}
			throw refused;
		}
	}

	/** Takes the person off the list (the audit trail keeps the place). */
	@Transactional
	public Removed remove(long membershipId) {
		ListMembership membership = memberships.findForRemoval(membershipId)
			.orElseThrow(() -> new RecordNotFoundException("place on a wanted list", membershipId));
		Removed removed = new Removed(membership.getFugitive().getId(), membership.getFugitive().getName(),
				membership.getWantedList().getName(), membership.getWantedList().getNameZh(), membership.getRank());
		memberships.delete(membership);
		memberships.flush();
		return removed;
	}

	/** Who holds a rank of a list, if anyone. */
	@Transactional(readOnly = true)
	public Optional<Holder> rankHolder(Long wantedListId, Integer rank) {
		if (wantedListId == null || rank == null) {
			return Optional.empty();
		}
		return memberships.findByRank(wantedListId, rank).map(m -> Holder.of(m.getFugitive()));
	}

	private ListMembership store(long fugitiveId, ListMembershipForm form) {
		Fugitive fugitive = find(fugitiveId);
		List<Violation> violations = new ArrayList<>();
		Checked checked = check(fugitive, form, violations);
		if (checked.rankHolder() != null) {
			throw new HeldByAnotherException(violations, checked.rankHolder());
		}
		InvalidRecordException.throwIfAny(violations);
		return memberships.saveAndFlush(new ListMembership(fugitive, checked.list(), form.rank(), checked.added(),
				citations.sourceOf(checked.source()), checked.source().quote()));
	}

	private Checked check(Fugitive fugitive, ListMembershipForm form, List<Violation> violations) {
		WantedList list = null;
		if (form.wantedListId() != null) {
			list = lists.findById(form.wantedListId()).orElse(null);
			if (list == null) {
				violations.add(Violation.of("wantedListId", "admin.membership.wantedList.unknown",
						String.valueOf(form.wantedListId())));
			}
			else if (memberships.isOnTheList(fugitive.getId(), list.getId())) {
				violations.add(Violation.of("wantedListId", "admin.membership.alreadyOnList"));
			}
		}
		Holder rankHolder = null;
		if (list != null && form.rank() != null && form.rank() > 0) {
			rankHolder = rankHolder(list.getId(), form.rank()).orElse(null);
			if (rankHolder != null && rankHolder.id() == fugitive.getId()) {
				rankHolder = null; // already on the list: said above
			}
			if (rankHolder != null) {
				violations.add(rankTaken(form.rank(), rankHolder));
			}
		}
		PartialDate added = added(form.added(), violations);
		return new Checked(list, added, citations.check(form, true, violations), rankHolder);
	}

	private static PartialDate added(String value, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			PartialDate added = PartialDate.parse(value);
			if (Today.isInTheFuture(added)) {
				violations.add(Violation.of("added", "admin.membership.added.future", added.iso()));
				return null;
			}
			return added;
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of("added", "admin.membership.added.invalid", value));
			return null;
		}
	}

	private static Violation rankTaken(Integer rank, Holder holder) {
		return Violation.of("rank", "admin.membership.rank.taken", String.valueOf(rank), holder.name());
	}

	private Fugitive find(long fugitiveId) {
		return fugitives.findById(fugitiveId).orElseThrow(() -> new RecordNotFoundException("fugitive", fugitiveId));
	}

}
