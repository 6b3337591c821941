/**
 * Reported figures (counts and sums as sources state them) and their reconciliation with the
 * records.
 */
@ApplicationModule(allowedDependencies = { "agency", "casefile", "common", "country", "event", "operation", "source" })
package org.fugitivetracker.figure;

import org.springframework.modulith.ApplicationModule;
