/**
 * The read API under /api/v1 and its OpenAPI description.
 */
@ApplicationModule(allowedDependencies = {
		"agency", "casefile", "common", "event", "figure", "fugitive", "operation", "source", "web" })
package org.fugitivetracker.api;

import org.springframework.modulith.ApplicationModule;
