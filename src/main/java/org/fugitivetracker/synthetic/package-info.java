/**
 * The synthetic bulk loader behind --generate-synthetic and --remove-synthetic; runs in its own
 * context, never in the web application.
 */
@ApplicationModule(allowedDependencies = { "event", "fugitive", "system" })
package org.fugitivetracker.synthetic;

import org.springframework.modulith.ApplicationModule;
