package org.customersegmentation.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that a report link opens: besides an API key or bearer token, it accepts the link's signed
 * {@code token} query parameter instead. The API description gets the parameter and every way in.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OpensWithReportToken {
}
