/**
 * Operations (such as Sky Net) and their wanted lists.
 */
@ApplicationModule(allowedDependencies = { "agency", "common" })
package org.fugitivetracker.operation;

import org.springframework.modulith.ApplicationModule;
