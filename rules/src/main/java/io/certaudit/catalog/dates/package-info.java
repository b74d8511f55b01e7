/** Rules on validity periods along each service certificate's path. */
package io.certaudit.catalog.dates;
