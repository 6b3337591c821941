/**
 * What happened to a person or case (flight, detention, returns, meetings); the one rule deriving a
 * fugitive's status from them.
 */
@ApplicationModule(allowedDependencies = {
		"casefile", "common", "country", "fugitive", "operation", "revision", "source", "web" })
package org.fugitivetracker.event;

import org.springframework.modulith.ApplicationModule;
