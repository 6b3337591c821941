package org.fugitivetracker.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	@Bean
	static MissingDatabaseCreator missingDatabaseCreator(ObjectProvider<JdbcConnectionDetails> connectionDetails) {
		return new MissingDatabaseCreator(connectionDetails);
	}

}
