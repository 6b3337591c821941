package org.fugitivetracker.browse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fugitivetracker.agency.AgencyPartnership;
import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.casefile.CooperationStep;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.figure.ReportedFigure;
import org.fugitivetracker.fugitive.ExternalIdentifier;
import org.fugitivetracker.fugitive.ExternalIdentifierRepository;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.ListMembership;
import org.fugitivetracker.fugitive.ListMembershipRepository;
import org.fugitivetracker.operation.Operation;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationGroup;
import org.fugitivetracker.source.CitedSubject;
import org.fugitivetracker.source.CitedSubject.Kind;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.source.SourceRepository;
import org.fugitivetracker.source.SourceText;
import org.fugitivetracker.web.RecordNotFoundException;
import org.hibernate.Hibernate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the source pages: each source with everything that cites it, in a fixed number of statements. */
@Service
public class SourcePageService {

	static final int PAGE_SIZE = 50;

	private final SourceRepository sources;

	private final SourceText texts;

	private final ExternalIdentifierRepository identifiers;

	private final ListMembershipRepository places;

	SourcePageService(SourceRepository sources, SourceText texts, ExternalIdentifierRepository identifiers,
			ListMembershipRepository places) {
		this.sources = sources;
		this.texts = texts;
		this.identifiers = identifiers;
		this.places = places;
	}

	/** One page of sources, newest first, with how many citations each has. */
	@Transactional(readOnly = true)
	public SourceList list(int page) {
		// Beyond the last page is an empty page; so far beyond that the row offset overflows an int, too (a 500 otherwise).
		int reachable = Math.min(Math.max(page, 0), Integer.MAX_VALUE / PAGE_SIZE);
		Page<Source> rows = sources.findAllByOrderByPublishedDateDescIdAsc(PageRequest.of(reachable, PAGE_SIZE));
		Map<Long, Long> counts = new HashMap<>();
		if (rows.hasContent()) {
			for (SourceRepository.CitationCount row : sources.countCitations(rows.map(Source::getId).getContent())) {
				counts.put(row.sourceId(), row.citations());
			}
		}
		return new SourceList(rows, counts);
	}

	@Transactional(readOnly = true)
	public SourcePage load(long id) {
		Source source = sources.findById(id).orElseThrow(() -> new RecordNotFoundException("source", id));
		// One persistence context: a subject cited several times is the same instance in every row.
		Map<Kind, Map<Object, List<Citation>>> bySubject = new EnumMap<>(Kind.class);
		for (SourceRepository.CitationOfSubject row : sources.findCitationsWithSubjects(id)) {
			if (row.subject() != null) {
				bySubject.computeIfAbsent(row.kind(), kind -> new LinkedHashMap<>())
					.computeIfAbsent(row.subject(), subject -> new ArrayList<>())
					.add(row.citation());
			}
		}
		List<CitedSubject> cited = new ArrayList<>();
		bySubject.forEach((kind, subjects) -> subjects.forEach((subject, citations) -> {
			initialize(subject);
			cited.add(new CitedSubject(kind, subject, link(subject), CitationGroup.byAttribute(citations)));
		}));
		return new SourcePage(source, texts.paragraphs(source), cited, identifiers.findBySource(id),
				places.findBySource(id));
	}

	/** Reads what the labels show; proxies of one kind are loaded together in batches. */
	private static void initialize(Object subject) {
		if (subject instanceof Event event) {
			Hibernate.initialize(event.getFugitive());
			Hibernate.initialize(event.getCaseFile());
			Hibernate.initialize(event.getOperation());
		}
		else if (subject instanceof AssetTransfer transfer) {
			Hibernate.initialize(transfer.getChannels());
		}
		else if (subject instanceof AgencyPartnership partnership) {
			Hibernate.initialize(partnership.getAgency());
			Hibernate.initialize(partnership.getPartner());
		}
	}

	/** The page that shows the subject, with an anchor where it is one item of that page; null if none does. */
	static String link(Object subject) {
		if (subject instanceof Fugitive fugitive) {
			return "/fugitives/" + fugitive.getId();
		}
		if (subject instanceof Event event) {
			String anchor = "#event-" + event.getId();
			if (event.getFugitive() != null) {
				return "/fugitives/" + event.getFugitive().getId() + anchor;
			}
			if (event.getCaseFile() != null) {
				return "/cases/" + event.getCaseFile().getId() + anchor;
			}
			return event.getOperation() != null ? "/operations/" + event.getOperation().getId() + anchor : null;
		}
		if (subject instanceof CaseFile caseFile) {
			return "/cases/" + caseFile.getId();
		}
		if (subject instanceof CooperationStep step) {
			return "/cases/" + step.getCaseFile().getId() + "#step-" + step.getId();
		}
		if (subject instanceof AssetTransfer transfer) {
			String anchor = "#transfer-" + transfer.getId();
			if (transfer.getFugitive() != null) {
				return "/fugitives/" + transfer.getFugitive().getId() + anchor;
			}
			return transfer.getCaseFile() != null ? "/cases/" + transfer.getCaseFile().getId() + anchor : null;
		}
		if (subject instanceof ReportedFigure figure) {
			return "/figures#figure-" + figure.getId();
		}
		if (subject instanceof Operation operation) {
			return "/operations/" + operation.getId();
		}
		return null;
	}

	/** A page of the source list. */
	public record SourceList(Page<Source> sources, Map<Long, Long> citationCounts) {

		public long citations(Source source) {
			return citationCounts.getOrDefault(source.getId(), 0L);
		}

	}

	/**
	 * A source, its text where held, and everything it says: its citations grouped by subject, and
	 * the identifiers and places on wanted lists that name it as theirs.
	 */
	public record SourcePage(Source source, List<String> paragraphs, List<CitedSubject> subjects,
			List<ExternalIdentifier> identifiers, List<ListMembership> places) {

		public long citationCount() {
			return subjects.stream()
				.flatMap(subject -> subject.claims().stream())
				.mapToLong(group -> group.citations().size())
				.sum();
		}

	}

}
