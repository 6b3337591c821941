package org.fugitivetracker.photo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The photos' metadata (never their bytes, see {@link PhotoFiles}). */
interface PhotoRepository extends JpaRepository<FugitivePhoto, Long> {

	/** What serving a photo needs before its bytes: whose it is, its type and the ETags of its images. */
	record Digest(long fugitiveId, String contentType, String imageSha256, String thumbnailSha256) {
	}

	@Query("""
			select new org.fugitivetracker.photo.PhotoRepository$Digest(p.fugitiveId, p.contentType, p.imageSha256,
					p.thumbnailSha256)
			from FugitivePhoto p where p.id = :photoId""")
	Optional<Digest> findDigest(long photoId);

	/** A person's photos, oldest first. */
	List<FugitivePhoto> findByFugitiveIdOrderById(long fugitiveId);

	@Query("select p from FugitivePhoto p where p.fugitiveId = :fugitiveId and p.primary = true")
	Optional<FugitivePhoto> findPrimary(long fugitiveId);

	Optional<FugitivePhoto> findFirstByFugitiveIdOrderById(long fugitiveId);

}
