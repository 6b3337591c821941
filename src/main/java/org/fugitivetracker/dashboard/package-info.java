/**
 * The home page: totals, status and destination charts, headline figures.
 */
@ApplicationModule(allowedDependencies = { "country", "event", "figure", "fugitive" })
package org.fugitivetracker.dashboard;

import org.springframework.modulith.ApplicationModule;
