/** The built-in rule catalogue: one class per rule, grouped by area in the sub-packages. */
package io.certaudit.catalog;
