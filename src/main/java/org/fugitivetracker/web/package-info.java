/**
 * The one layout, error pages, formats, locale, and what every form and write API shares: form
 * errors, options, problem details.
 */
@ApplicationModule(allowedDependencies = { "common" })
package org.fugitivetracker.web;

import org.springframework.modulith.ApplicationModule;
