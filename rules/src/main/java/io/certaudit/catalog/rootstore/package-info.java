/** Hygiene rules for the Trusted Root store. */
@NullMarked
package io.certaudit.catalog.rootstore;

import org.jspecify.annotations.NullMarked;
