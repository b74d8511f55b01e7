/** Rules on private keys and key strength. */
@NullMarked
package io.certaudit.catalog.keys;

import org.jspecify.annotations.NullMarked;
