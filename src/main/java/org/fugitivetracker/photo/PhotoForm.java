package org.fugitivetracker.photo;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.source.CitesSource;
import org.fugitivetracker.web.FieldLabel;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading a photo of a person: the file (its rules are {@link PhotoImages}'), an optional
 * caption, and its source as every admin form names one. The file's name is never read, stored or
 * shown.
 */
public record PhotoForm(
		@FieldLabel("photo.file")
		MultipartFile file,
		@FieldLabel("photo.caption")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String caption,
		@FieldLabel("admin.source.legend")
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@FieldLabel("admin.source.title")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@FieldLabel("admin.source.url")
		@Size(max = 2000, message = "{admin.validation.size}")
		@Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}") String sourceUrl,
		@FieldLabel("admin.source.quote")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote) implements CitesSource {

	/** The file field's name, where its refusals go. */
	static final String FILE = "file";

	static PhotoForm blank() {
		return new PhotoForm(null, null, null, null, null, null);
	}

}
