package org.fugitivetracker.photo;

/** An accepted upload, ready to store: what was uploaded, and the image and thumbnail made from it. */
record PreparedPhoto(String uploadedType, int uploadedBytes, EncodedImage image, EncodedImage thumbnail) {

}
