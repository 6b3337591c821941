/**
 * The audit trail pages: every revision, a record's history, and restoring a past state.
 */
@ApplicationModule(allowedDependencies = {
		"asset", "casefile", "common", "country", "event", "fugitive", "photo", "revision", "source", "web" })
package org.fugitivetracker.audit;

import org.springframework.modulith.ApplicationModule;
