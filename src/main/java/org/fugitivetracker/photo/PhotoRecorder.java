package org.fugitivetracker.photo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.CitationGroup;
import org.fugitivetracker.source.CitationRepository;
import org.fugitivetracker.source.Citations;
import org.fugitivetracker.source.SourceChoice;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's writes about a person's photos, each in one audited transaction: add one (with its
 * source), make one the primary photo, delete one. The person's row is locked first
 * ({@code FOR NO KEY UPDATE}), so two admins' writes about one person's photos take turns and the
 * rule "the first photo is primary, and a person with photos has exactly one primary" holds
 * (the database allows at most one; these writes keep at least one).
 */
@Service
public class PhotoRecorder {

	/** The attribute of a photo's citation: a citation of the person, as a photo of them. */
	public static final String ATTRIBUTE = "photo";

	private final PhotoRepository photos;

	private final PhotoFiles files;

	private final Citations citations;

	private final CitationRepository citationRepository;

	private final EntityManager entityManager;

	PhotoRecorder(PhotoRepository photos, PhotoFiles files, Citations citations, CitationRepository citationRepository,
			EntityManager entityManager) {
		this.photos = photos;
		this.files = files;
		this.citations = citations;
		this.citationRepository = citationRepository;
		this.entityManager = entityManager;
	}

	/** A person's photos as the admin's page lists them, oldest first, each with its source. */
	public record PhotoPage(Fugitive fugitive, List<Item> photos) {

		/** One photo and the citation of its source. */
		public record Item(FugitivePhoto photo, CitationGroup source) {
		}

	}

	@Transactional(readOnly = true)
	public PhotoPage page(long fugitiveId) {
		Fugitive fugitive = entityManager.find(Fugitive.class, fugitiveId);
		if (fugitive == null) {
			throw new RecordNotFoundException("fugitive", fugitiveId);
		}
		Map<Long, Citation> cited = citationRepository.findForFugitive(fugitiveId)
			.stream()
			.collect(Collectors.toMap(Citation::getId, Function.identity()));
		List<PhotoPage.Item> items = photos.findByFugitiveIdOrderById(fugitiveId)
			.stream()
			.map(photo -> new PhotoPage.Item(photo, sourceOf(cited.get(photo.getCitationId()))))
			.toList();
		return new PhotoPage(fugitive, items);
	}

	/**
	 * Stores the checked upload with its source; the person's first photo becomes the primary one.
	 * Refuses (nothing stored) where the file or the source part breaks a rule.
	 */
	@Transactional
	public FugitivePhoto add(long fugitiveId, PhotoForm form, CheckedUpload upload) {
		Fugitive fugitive = lock(fugitiveId);
		List<Violation> violations = new ArrayList<>(upload.violations());
		SourceChoice source = citations.check(form, true, violations);
		InvalidRecordException.throwIfAny(violations);

		String caption = form.caption() == null || form.caption().isBlank() ? null : form.caption().strip();
		// The fact the source supports: that the photo shows this person. The same words for every
		// photo of a person, so that two photos never read as sources disagreeing; the caption stays
		// with its photo.
		Citation citation = citations.cite(source,
				s -> Citation.ofFugitive(fugitiveId, s, ATTRIBUTE, fugitive.getName(), source.quote()));
		boolean first = photos.findPrimary(fugitiveId).isEmpty();
		FugitivePhoto photo = photos.saveAndFlush(
				new FugitivePhoto(fugitiveId, citation.getId(), upload.photo(), caption, first));
		files.store(photo.getId(), upload.photo());
		return photo;
	}

	/** The rules {@link #add} would refuse the form for, checked without writing (to show every error at once). */
	@Transactional(readOnly = true)
	public List<Violation> rulesBroken(long fugitiveId, PhotoForm form, CheckedUpload upload) {
		if (entityManager.find(Fugitive.class, fugitiveId) == null) {
			throw new RecordNotFoundException("fugitive", fugitiveId);
		}
		List<Violation> violations = new ArrayList<>(upload.violations());
		citations.check(form, true, violations);
		return violations;
	}

	/** Makes the photo the person's primary one (the one the profile and the list show). */
	@Transactional
	public void makePrimary(long fugitiveId, long photoId) {
		lock(fugitiveId);
		FugitivePhoto photo = photoOf(fugitiveId, photoId);
		if (photo.isPrimary()) {
			return;
		}
		photos.findPrimary(fugitiveId).ifPresent(current -> {
			current.setPrimary(false);
			// the database allows one primary at a time, so the old one is cleared first
			photos.flush();
		});
		photo.setPrimary(true);
	}

	/**
	 * Deletes the photo (its bytes go with it) and its citation, through JPA so that the audit trail
	 * sees both go. Where it was the primary photo, the oldest remaining one becomes primary.
	 */
	@Transactional
	public void delete(long fugitiveId, long photoId) {
		lock(fugitiveId);
		FugitivePhoto photo = photoOf(fugitiveId, photoId);
		photos.delete(photo);
		photos.flush();
		citationRepository.findById(photo.getCitationId()).ifPresent(citationRepository::delete);
		if (photo.isPrimary()) {
			photos.findFirstByFugitiveIdOrderById(fugitiveId).ifPresent(next -> next.setPrimary(true));
		}
	}

	private Fugitive lock(long fugitiveId) {
		Fugitive fugitive = entityManager.find(Fugitive.class, fugitiveId, LockModeType.PESSIMISTIC_WRITE);
		if (fugitive == null) {
			throw new RecordNotFoundException("fugitive", fugitiveId);
		}
		return fugitive;
	}

	/** The photo, if it is one of this person's: a photo of someone else is not found here. */
	private FugitivePhoto photoOf(long fugitiveId, long photoId) {
		return photos.findById(photoId)
			.filter(photo -> photo.getFugitiveId() == fugitiveId)
			.orElseThrow(() -> new RecordNotFoundException("photo", photoId));
	}

	private static CitationGroup sourceOf(Citation citation) {
		return citation == null ? null : new CitationGroup(ATTRIBUTE, List.of(citation), false);
	}

}
