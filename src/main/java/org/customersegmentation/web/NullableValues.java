package org.customersegmentation.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A map or array (of arrays) property whose values may be null, e.g. a statistic that is undefined for some
 * entries. The API description then allows null values, which {@code @Schema(nullable)} cannot say for them.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NullableValues {
}
