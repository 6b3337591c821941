package org.fugitivetracker.photo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * What a stored photo of a person is: the upload's type and size, the stored image's type,
 * dimensions and SHA-256, its thumbnail's, whether it is the primary photo, and the citation of
 * its source. The bytes are kept apart ({@link PhotoFiles}) and never audited; the trail keeps the
 * SHA-256, which names the exact image without holding it.
 */
@Entity
@Audited
@Table(name = "fugitive_photo")
public class FugitivePhoto {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "fugitive_id", nullable = false, updatable = false)
	private Long fugitiveId;

	/** The source's citation; shown in the same revision of the trail as a record of its own. */
	@NotAudited
	@Column(name = "citation_id", nullable = false, updatable = false)
	private Long citationId;

	@Column(name = "uploaded_type", nullable = false, updatable = false, length = 20)
	private String uploadedType;

	@Column(name = "uploaded_bytes", nullable = false, updatable = false)
	private int uploadedBytes;

	@Column(name = "content_type", nullable = false, updatable = false, length = 20)
	private String contentType;

	@Column(nullable = false, updatable = false)
	private int width;

	@Column(nullable = false, updatable = false)
	private int height;

	@Column(name = "image_sha256", nullable = false, updatable = false, length = 64)
	private String imageSha256;

	@NotAudited
	@Column(name = "thumbnail_width", nullable = false, updatable = false)
	private int thumbnailWidth;

	@NotAudited
	@Column(name = "thumbnail_height", nullable = false, updatable = false)
	private int thumbnailHeight;

	@NotAudited
	@Column(name = "thumbnail_sha256", nullable = false, updatable = false, length = 64)
	private String thumbnailSha256;

	@Column(name = "is_primary", nullable = false)
	private boolean primary;

	@Column(length = 300, updatable = false)
	private String caption;

	protected FugitivePhoto() {
	}

	FugitivePhoto(long fugitiveId, long citationId, PreparedPhoto photo, String caption, boolean primary) {
		this.fugitiveId = fugitiveId;
		this.citationId = citationId;
		this.uploadedType = photo.uploadedType();
		this.uploadedBytes = photo.uploadedBytes();
		this.contentType = photo.image().contentType();
		this.width = photo.image().width();
		this.height = photo.image().height();
		this.imageSha256 = photo.image().sha256();
		this.thumbnailWidth = photo.thumbnail().width();
		this.thumbnailHeight = photo.thumbnail().height();
		this.thumbnailSha256 = photo.thumbnail().sha256();
		this.caption = caption;
		this.primary = primary;
	}

	public Long getId() {
		return id;
	}

	public Long getFugitiveId() {
		return fugitiveId;
	}

	public Long getCitationId() {
		return citationId;
	}

	public String getUploadedType() {
		return uploadedType;
	}

	public int getUploadedBytes() {
		return uploadedBytes;
	}

	public String getContentType() {
		return contentType;
	}

	public int getWidth() {
		return width;
	}

	public int getHeight() {
		return height;
	}

	public String getImageSha256() {
		return imageSha256;
	}

	public int getThumbnailWidth() {
		return thumbnailWidth;
	}

	public int getThumbnailHeight() {
		return thumbnailHeight;
	}

	public String getThumbnailSha256() {
		return thumbnailSha256;
	}

	public boolean isPrimary() {
		return primary;
	}

	void setPrimary(boolean primary) {
		this.primary = primary;
	}

	public String getCaption() {
		return caption;
	}

}
