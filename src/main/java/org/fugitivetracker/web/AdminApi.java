package org.fugitivetracker.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the controllers of the write API ({@code POST/PUT/DELETE /api/v1/…}, ADMIN only), whose
 * errors {@link AdminApiExceptionHandler} turns into RFC 9457 problem details.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdminApi {

}
