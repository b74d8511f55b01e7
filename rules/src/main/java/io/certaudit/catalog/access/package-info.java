/** Rules on the service account's access: its read access to the service certificate's private key and to the stores. */
@NullMarked
package io.certaudit.catalog.access;

import org.jspecify.annotations.NullMarked;
