/** Rules on each service certificate's path across MY, CA and ROOT. */
package io.certaudit.catalog.chain;
