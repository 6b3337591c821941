/**
 * The audit revision every write is stored with: who, when, why, and who changed a record last.
 */
@ApplicationModule(allowedDependencies = {})
package org.fugitivetracker.revision;

import org.springframework.modulith.ApplicationModule;
