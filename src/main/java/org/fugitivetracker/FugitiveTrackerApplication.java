package org.fugitivetracker;

import org.fugitivetracker.synthetic.SyntheticDataCommand;
import org.fugitivetracker.synthetic.SyntheticDataCommandContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application's entry point: starts the web application, or only the synthetic-data command
 * when the arguments ask for it.
 */
@SpringBootApplication
public class FugitiveTrackerApplication {

	public static void main(String[] args) {
		if (SyntheticDataCommand.isRequested(args)) {
			// a one-off command (--generate-synthetic=N, --remove-synthetic): no web server; exit when done
			System.exit(SpringApplication.exit(SyntheticDataCommandContext.run(args)));
		}
		SpringApplication.run(FugitiveTrackerApplication.class, args);
	}

}
