/** Rules on subject and SAN names against the names the service answers to. */
@NullMarked
package io.certaudit.catalog.names;

import org.jspecify.annotations.NullMarked;
