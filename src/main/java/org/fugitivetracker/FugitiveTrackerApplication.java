package org.fugitivetracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FugitiveTrackerApplication {

	public static void main(String[] args) {
		SpringApplication.run(FugitiveTrackerApplication.class, args);
	}

}
