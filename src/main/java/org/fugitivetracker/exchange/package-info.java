/**
 * Exchanging records with the field's tools: FollowTheMoney (FtM) export, and importing a CSV or
 * FtM file with a preview before anything is written.
 */
@ApplicationModule(allowedDependencies = {
		"asset", "common", "country", "event", "fugitive", "operation", "revision", "source", "web" })
package org.fugitivetracker.exchange;

import org.springframework.modulith.ApplicationModule;
