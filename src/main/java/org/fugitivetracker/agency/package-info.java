/**
 * Agencies and officials of either side, and their partnerships.
 */
@ApplicationModule(allowedDependencies = { "web" })
package org.fugitivetracker.agency;

import org.springframework.modulith.ApplicationModule;
