/** Which service certificates the host has, and store entries that could not be read or were tampered with. */
@NullMarked
package io.certaudit.catalog.inventory;

import org.jspecify.annotations.NullMarked;
