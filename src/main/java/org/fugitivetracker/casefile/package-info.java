/**
 * Cases against fugitives: participants, cooperation steps, status, and their forms.
 */
@ApplicationModule(allowedDependencies = { "agency", "common", "country", "fugitive", "revision", "source", "web" })
package org.fugitivetracker.casefile;

import org.springframework.modulith.ApplicationModule;
