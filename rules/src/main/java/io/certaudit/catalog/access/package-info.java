/** Rules on the service account's access: its read access to the service certificate's private key and to the stores. */
package io.certaudit.catalog.access;
