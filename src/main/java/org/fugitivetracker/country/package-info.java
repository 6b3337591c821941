/**
 * Countries: the reference table, their names in each language, and the country options of forms.
 */
@ApplicationModule(allowedDependencies = { "web" })
package org.fugitivetracker.country;

import org.springframework.modulith.ApplicationModule;
