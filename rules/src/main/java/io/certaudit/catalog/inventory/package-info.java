/** Which service certificates the host has, and entries that could not be read. */
package io.certaudit.catalog.inventory;
