package org.fugitivetracker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A suite that takes long: hostile input, outages and locks, scale-out, synthetic load,
 * concurrency bursts, the browser. {@code ./mvnw verify -Pfast} leaves these out;
 * {@code ./mvnw verify} runs them with the rest.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(SlowTest.TAG)
public @interface SlowTest {

	String TAG = "slow";

}
