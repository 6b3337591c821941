package org.fugitivetracker;

import java.util.Arrays;

import org.fugitivetracker.synthetic.SyntheticDataCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FugitiveTrackerApplication {

	public static void main(String[] args) {
		if (SyntheticDataCommand.isRequested(args)) {
			// A one-off command (--generate-synthetic=N, --remove-synthetic): the full context, so every
			// bean is the one the application uses, but no HTTP port is opened; exit when done.
			String[] commandArgs = Arrays.copyOf(args, args.length + 1);
			commandArgs[args.length] = "--server.port=-1";
			System.exit(SpringApplication.exit(SpringApplication.run(FugitiveTrackerApplication.class, commandArgs)));
		}
		SpringApplication.run(FugitiveTrackerApplication.class, args);
	}

}
