/**
 * Shared value types of the domain (partial dates, qualifiers, plain text) and the refusals every
 * write can give.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.fugitivetracker.common;

import org.springframework.modulith.ApplicationModule;
