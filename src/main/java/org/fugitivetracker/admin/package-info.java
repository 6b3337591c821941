/**
 * The admin's starting pages: the list of tools and one page per fugitive with every write about
 * them.
 */
@ApplicationModule(allowedDependencies = { "country", "event", "fugitive" })
package org.fugitivetracker.admin;

import org.springframework.modulith.ApplicationModule;
