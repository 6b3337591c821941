package org.fugitivetracker.photo;

/** An image as stored: re-encoded pixels (no metadata), their type, size and SHA-256 (hex). */
record EncodedImage(String contentType, byte[] bytes, int width, int height, String sha256) {

}
