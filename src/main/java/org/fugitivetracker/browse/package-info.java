/**
 * The read-only pages that join several features: a fugitive's profile, a case, an operation, a
 * source.
 */
@ApplicationModule(allowedDependencies = {
		"agency", "asset", "casefile", "common", "country", "event", "figure", "fugitive", "operation", "photo",
		"source", "web" })
package org.fugitivetracker.browse;

import org.springframework.modulith.ApplicationModule;
