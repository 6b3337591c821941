/**
 * Photos of a fugitive: the admin's upload (type checked by content, metadata stripped, a
 * thumbnail made once), the choice of the primary photo, and serving the images to everyone
 * signed in. Each photo cites its source like every other fact.
 */
@ApplicationModule(allowedDependencies = { "common", "fugitive", "source", "web" })
package org.fugitivetracker.photo;

import org.springframework.modulith.ApplicationModule;
