/** The built-in rule catalogue: one class per rule, grouped by area in the sub-packages. */
@NullMarked
package io.certaudit.catalog;

import org.jspecify.annotations.NullMarked;
