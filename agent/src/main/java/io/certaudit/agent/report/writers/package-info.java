/** The writer of each report format, kept apart so that the report model needs none of the formats built on it. */
package io.certaudit.agent.report.writers;
