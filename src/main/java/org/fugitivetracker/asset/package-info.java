/**
 * Assets moved abroad: transfers, their channels and their forms.
 */
@ApplicationModule(allowedDependencies = { "casefile", "common", "country", "fugitive", "source", "web" })
package org.fugitivetracker.asset;

import org.springframework.modulith.ApplicationModule;
