/**
 * Sources and citations: every fact shown cites one; adding and editing sources.
 */
@ApplicationModule(allowedDependencies = { "common", "web" })
package org.fugitivetracker.source;

import org.springframework.modulith.ApplicationModule;
