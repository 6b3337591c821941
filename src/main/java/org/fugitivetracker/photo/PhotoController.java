package org.fugitivetracker.photo;

import java.time.Duration;

import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves the stored photos to everyone signed in. The bytes at a photo's address never change (a
 * new upload is a new photo), so browsers keep them for a day, privately (never a shared cache:
 * only signed-in users may see them), and revalidate with the strong ETag, the SHA-256 of the
 * bytes, which is answered (304) without reading them.
 */
@Controller
class PhotoController {

	static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

	private final PhotoRepository photos;

	private final PhotoFiles files;

	PhotoController(PhotoRepository photos, PhotoFiles files) {
		this.photos = photos;
		this.files = files;
	}

	@GetMapping("/fugitives/{id}/photos/{photoId}")
	ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long photoId, WebRequest request) {
		return serve(id, photoId, PhotoFiles.Size.IMAGE, request);
	}

	@GetMapping("/fugitives/{id}/photos/{photoId}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long photoId, WebRequest request) {
		return serve(id, photoId, PhotoFiles.Size.THUMBNAIL, request);
	}

	private ResponseEntity<byte[]> serve(long fugitiveId, long photoId, PhotoFiles.Size size, WebRequest request) {
		PhotoRepository.Digest digest = photos.findDigest(photoId)
			.filter(found -> found.fugitiveId() == fugitiveId)
			.orElseThrow(() -> new RecordNotFoundException("photo", photoId));
		String etag = "\"" + (size == PhotoFiles.Size.IMAGE ? digest.imageSha256() : digest.thumbnailSha256()) + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
		}
		byte[] bytes = files.read(photoId, size);
		if (bytes == null) {
			throw new RecordNotFoundException("photo", photoId);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(digest.contentType()))
			.eTag(etag)
			.cacheControl(CACHE)
			.body(bytes);
	}

}
