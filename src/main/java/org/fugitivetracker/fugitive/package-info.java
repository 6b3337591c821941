/**
 * Fugitives: the person's record and profile form, the filtered list, search, CSV export and the
 * list API's query.
 */
@ApplicationModule(allowedDependencies = { "common", "country", "operation", "source", "web" })
package org.fugitivetracker.fugitive;

import org.springframework.modulith.ApplicationModule;
