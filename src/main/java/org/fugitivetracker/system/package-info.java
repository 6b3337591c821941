/**
 * Running against PostgreSQL: connection settings, outages answered with 503, request logging.
 */
@ApplicationModule(allowedDependencies = {})
package org.fugitivetracker.system;

import org.springframework.modulith.ApplicationModule;
